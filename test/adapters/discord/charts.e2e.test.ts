/**
 * Charts on Discord: the real discord.js client against the local fake Discord, the real chart
 * renderer. A scorecard and /history arrive with a PNG attachment that their embed shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeChannel, FakeUser, RecordedCall } from '../../fakes/discord/server.ts';
import { pngSize } from '../../practice/png.ts';
import { type Harness, startBot, startInterviewThread } from './harness.ts';

const ANSWERS = [
  'The goal is meaningful engagement for daily active users; latency under 200 ms at 10k QPS.',
  'Offline precision at k and NDCG; online session length and retention in an A/B test.',
  'Candidate generation with two towers, then a ranker, a feature store and logging.',
];

/** Every embed image an upload is shown by, and the files it came with. */
function imagesOf(call: RecordedCall): string[] {
  return (call.body?.embeds ?? []).flatMap((e: { image?: { url?: string } }) =>
    e.image?.url ? [e.image.url] : [],
  );
}

describe('Discord charts (discord.js against a local fake Discord)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot({ privateThreads: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Answers the current stage in the thread, then runs `/interview <word>` there. */
  async function answerThen(user: FakeUser, thread: FakeChannel, text: string, word: string) {
    const { discord } = h;
    let seq = discord.lastSeq();
    discord.say({ user, channel: thread, content: text });
    await discord.waitForCall(
      (c) => c.route === 'channel-message' && c.params.channel === thread.id && c.body.components,
      seq,
    );
    seq = discord.lastSeq();
    const command = discord.slashCommand({ user, channel: thread, subcommand: word });
    return { token: command.token, seq };
  }

  it('attaches a radar PNG to the scorecard and a progress PNG to /history, shown by their embeds', async () => {
    const { discord } = h;
    const user = discord.user('charlotte');
    const thread = await startInterviewThread(discord, user);
    for (const text of ANSWERS.slice(0, 2)) {
      const next = await answerThen(user, thread, text, 'next');
      await discord.waitForCall(
        (c) => c.route === 'webhook-edit' && c.params.token === next.token,
        next.seq,
      );
    }
    const end = await answerThen(user, thread, ANSWERS[2]!, 'end');
    const card = await discord.waitForCall(
      (c) => c.params.token === end.token && c.files.some((f) => f.name === 'radar.png'),
      end.seq,
    );
    // The image sits in the scorecard's card: an embed points at the attachment.
    expect(imagesOf(card)).toContain('attachment://radar.png');
    expect(card.body.embeds.some((e: { title?: string }) => e.title?.includes('Scorecard'))).toBe(
      true,
    );
    const radar = card.files.find((f) => f.name === 'radar.png')!;
    expect(radar.contentType).toBe('image/png');
    expect(pngSize(radar.data)).toEqual({ width: 640, height: 540 });
    // Its alt text goes with it (screen readers), naming the stages scored.
    // discord.js sends each attachment's description by its index among the files.
    const described = card.body.attachments[card.files.indexOf(radar)];
    expect(described.description).toMatch(/^Radar chart of this interview against your average/);

    const seq = discord.lastSeq();
    const history = discord.slashCommand({ user, subcommand: 'history' });
    const shown = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === history.token,
      seq,
    );
    expect(shown.body.content).toContain('feed');
    expect(shown.files.map((f) => f.name)).toEqual(['progress.png']);
    expect(imagesOf(shown)).toEqual(['attachment://progress.png']);
    expect(pngSize(shown.files[0]!.data).width).toBeGreaterThan(500);
  });
});
