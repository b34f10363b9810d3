/**
 * Replay links and self-assessment on Discord: discord.js against the local fake Discord, the
 * in-memory store, the offline interviewer and scorer. The scorecard's gaps link to the
 * candidate's own messages in the interview thread; with self-assessment on, the end asks for
 * a rating per stage with buttons (a stranger's press refused, Skip always offered) before the
 * scorecard, which then shows self against scored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../src/engine/messages.ts';
import type { FakeChannel, FakeMessage, FakeUser } from '../fakes/discord/server.ts';
import {
  buttonFor,
  type Harness,
  latestWithButtons,
  startBot,
  startInterviewThread,
} from '../adapters/discord/harness.ts';

const SCENARIO = 'feed-engagement';
const QUESTION = 'What is the latency budget?';
const MAIN_ANSWER =
  'I would rank the feed for each user by predicted engagement, starting from recent posts by friends, with a simple model first.';

describe('replay links and self-assessment on Discord', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot({ privateThreads: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  const startInterview = (user: FakeUser) => startInterviewThread(h.discord, user, SCENARIO);

  /** Says `content` in the thread and waits for the interviewer's answer. */
  async function say(user: FakeUser, thread: FakeChannel, content: string): Promise<FakeMessage> {
    const { discord } = h;
    const seq = discord.lastSeq();
    const message = discord.say({ user, channel: thread, content });
    await discord.waitForCall(
      (c) => c.route === 'channel-message' && c.params.channel === thread.id && c.body.components,
      seq,
    );
    return message;
  }

  /**
   * Presses the End button; resolves once the bot posted the gaps (the scorecard) or, with
   * `rating`, the self-assessment question.
   */
  async function pressEnd(user: FakeUser, thread: FakeChannel, rating = false) {
    const { discord } = h;
    const seq = discord.lastSeq();
    const message = latestWithButtons(discord, thread.id)!;
    const press = discord.pressButton({ user, message, customId: buttonFor(message, 'end') });
    await discord.waitForCall(
      (c) =>
        c.route === 'webhook-execute' &&
        c.params.token === press.token &&
        (rating ? JSON.stringify(c.body.components ?? []).includes('mlr:') : hasGaps(c.body)),
      seq,
    );
    return seq;
  }

  function hasGaps(body: { embeds?: { title?: string }[] } | undefined): boolean {
    return (body?.embeds ?? []).some((e) => e.title === 'Gaps');
  }

  /** Embeds the bot posted after `seq`, by title. */
  function embedsAfter(seq: number): Map<string, string> {
    const embeds = new Map<string, string>();
    for (const call of h.discord.calls.filter((c) => c.seq > seq)) {
      for (const embed of (call.body?.embeds ?? []) as { title?: string; description?: string }[])
        if (embed.title) embeds.set(embed.title, embed.description ?? '');
    }
    return embeds;
  }

  it("links each gap to the candidate's message in the interview thread", async () => {
    const { discord } = h;
    const user = discord.user('replay-rita');
    const thread = await startInterview(user);
    const question = await say(user, thread, QUESTION);
    const main = await say(user, thread, MAIN_ANSWER);
    const seq = await pressEnd(user, thread);

    const gaps = embedsAfter(seq).get('Gaps')!;
    const links = [...gaps.matchAll(/\]\((https:\/\/discord\.com\/channels\/[^)]+)\)/g)].map(
      (m) => m[1]!,
    );
    expect(links.length).toBeGreaterThan(0);
    const guild = discord.world.guild.id;
    for (const link of links) {
      const [, guildId, channelId, messageId] = new URL(link).pathname.split('/').slice(1);
      expect(guildId).toBe(guild);
      expect(channelId).toBe(thread.id);
      // Each points at one of the candidate's own messages, which exists in that thread.
      expect([question.id, main.id]).toContain(messageId);
      expect(discord.world.messages.get(messageId!)?.channel_id).toBe(thread.id);
    }
    // A missed key point links to the main answer (the stage's longest message).
    const missed = gaps.split('\n').find((line) => /missed "/.test(line))!;
    expect(missed).toContain(`/channels/${guild}/${thread.id}/${main.id})`);
  });

  it('asks for a rating per stage with buttons before the scorecard; a stranger is refused', async () => {
    const { discord } = h;
    const user = discord.user('self-sam');
    const mallory = discord.user('mallory');
    let seq = discord.lastSeq();
    const on = discord.slashCommand({ user, subcommand: 'self-assess', options: { state: 'on' } });
    const said = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === on.token,
      seq,
    );
    expect(said.body.content).toMatch(/Self-assessment is on/);

    const thread = await startInterview(user);
    await say(user, thread, MAIN_ANSWER);
    seq = await pressEnd(user, thread, true);
    expect(embedsAfter(seq).has('Gaps')).toBe(false);
    const rating = latestWithButtons(discord, thread.id)!;
    expect(rating.content).toMatch(/Before the scorecard: how would you rate .* \(1 of 1\)\?/);
    const ids = (rating.components as { components: { custom_id: string }[] }[])[0]!.components.map(
      (c) => c.custom_id,
    );
    expect(ids.map((id) => id.split(':')[1])).toEqual(['1', '2', '3', '4', 'skip']);

    // A stranger's press: refused privately, nothing rated.
    seq = discord.lastSeq();
    const stranger = discord.pressButton({ user: mallory, message: rating, customId: ids[3]! });
    const refusal = await discord.waitForCall(
      (c) => c.route === 'webhook-execute' && c.params.token === stranger.token,
      seq,
    );
    expect(refusal.body.flags).toBe(64);
    expect(refusal.body.content).toBe(describeError({ code: 'not-your-session' }, 'en'));

    seq = discord.lastSeq();
    const press = discord.pressButton({ user, message: rating, customId: ids[2]! });
    await discord.waitForCall(
      (c) => c.route === 'webhook-execute' && c.params.token === press.token && hasGaps(c.body),
      seq,
    );
    const self = embedsAfter(seq).get('Your view against the score')!;
    expect(self).toMatch(/: you 3, scored \d\.\d\/4/);
    expect(self).toMatch(/Mean distance between your view and the score/);

    // History shows the self-assessed interview's distance.
    seq = discord.lastSeq();
    const history = discord.slashCommand({ user, subcommand: 'history' });
    const listed = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === history.token,
      seq,
    );
    expect(listed.body.content).toMatch(/Self-assessment \(mean distance to the score/);
  });

  it('Skip shows the scorecard at once', async () => {
    const { discord } = h;
    const user = discord.user('skip-sue');
    let seq = discord.lastSeq();
    const on = discord.slashCommand({ user, subcommand: 'self-assess', options: { state: 'on' } });
    await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === on.token,
      seq,
    );
    const thread = await startInterview(user);
    await say(user, thread, MAIN_ANSWER);
    await pressEnd(user, thread, true);
    const rating = latestWithButtons(discord, thread.id)!;
    const skip = (rating.components as { components: { custom_id: string }[] }[])[0]!.components[4]!
      .custom_id;
    seq = discord.lastSeq();
    const press = discord.pressButton({ user, message: rating, customId: skip });
    await discord.waitForCall(
      (c) => c.route === 'webhook-execute' && c.params.token === press.token && hasGaps(c.body),
      seq,
    );
    const embeds = embedsAfter(seq);
    expect(embeds.has('Gaps')).toBe(true);
    expect(embeds.get('Your view against the score')).toBe('• You skipped the self-assessment.');
  });
});
