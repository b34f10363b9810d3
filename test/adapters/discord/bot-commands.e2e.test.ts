/**
 * The Discord bot end to end, as in bot.e2e.test.ts (same harness): the commands outside an
 * interview (autocomplete, a typo, scenarios, history, forget-me), an interview in a DM, public
 * threads, coach mode in Chinese, a long-lived gateway connection, and a thread that cannot be
 * set up. Assertions read the REST calls the bot made; no durations are asserted anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../../src/engine/messages.ts';
import { buttonFor, type Harness, latestWithButtons, startBot, textAfter } from './harness.ts';
import { restCallChecks } from './rest-call-checks.ts';

const SCENARIO = 'feed-engagement';

describe('Discord bot (discord.js against a local fake Discord)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot({ privateThreads: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('autocompletes scenario ids from what was typed', async () => {
    const { discord } = h;
    const seq = discord.lastSeq();
    discord.autocomplete({
      user: discord.user('dave'),
      subcommand: 'start',
      focused: 'scenario',
      value: 'feed',
    });
    const answer = await discord.waitForCall((c) => c.route === 'interaction-callback', seq);
    expect(answer.body.type).toBe(8);
    const choices = answer.body.data.choices as { name: string; value: string }[];
    expect(choices.map((c) => c.value)).toContain('feed-engagement');
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }

    const all = discord.lastSeq();
    discord.autocomplete({
      user: discord.user('dave'),
      subcommand: 'start',
      focused: 'scenario',
      value: '',
    });
    const everything = await discord.waitForCall((c) => c.route === 'interaction-callback', all);
    const listed = everything.body.data.choices as unknown[];
    expect(listed.length).toBe(Math.min(25, h.app.engine.scenarios().length));
  });

  it('answers an unknown scenario with suggestions, privately, and opens no thread', async () => {
    const { discord } = h;
    const seq = discord.lastSeq();
    const threadsBefore = discord.world.threads().length;
    const typo = discord.slashCommand({
      user: discord.user('erin'),
      subcommand: 'start',
      options: { scenario: 'feed-engagment' },
    });
    const answer = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === typo.token,
      seq,
    );
    expect(answer.body.content).toContain('feed-engagement');
    expect(discord.world.threads().length).toBe(threadsBefore);
  });

  it('says "no interview here" privately for interview commands outside a thread', async () => {
    const { discord } = h;
    const seq = discord.lastSeq();
    const hint = discord.slashCommand({ user: discord.user('frank'), subcommand: 'hint' });
    const answer = await discord.waitForCall(
      (c) => c.route === 'webhook-execute' && c.params.token === hint.token,
      seq,
    );
    expect(answer.body).toMatchObject({
      flags: 64,
      content: describeError({ code: 'no-session' }, 'en'),
    });
    // The public "thinking…" was removed rather than left hanging.
    expect(
      discord.calls.some(
        (c) => c.seq > seq && c.route === 'webhook-delete' && c.params.token === hint.token,
      ),
    ).toBe(true);
  });

  it('runs an interview in a DM: the conversation is the session', async () => {
    const { discord } = h;
    const grace = discord.user('grace');
    const dm = discord.openDm(grace);
    let seq = discord.lastSeq();
    const start = discord.slashCommand({
      user: grace,
      channel: dm,
      subcommand: 'start',
      options: { scenario: SCENARIO },
    });
    const opened = await discord.waitForCall(
      (c) => c.route === 'webhook-execute' && c.params.token === start.token && c.body.components,
      seq,
    );
    const deferral = discord.calls.find((c) => c.seq > seq && c.route === 'interaction-callback');
    expect(deferral!.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(discord.calls.some((c) => c.seq > seq && c.route === 'thread-create')).toBe(false);
    expect(opened.body.components[0].components[0].custom_id).toMatch(
      new RegExp(`^mli:followup:discord:dm:${dm.id}:\\d+$`),
    );

    seq = discord.lastSeq();
    discord.say({ user: grace, channel: dm, content: 'How many users does the feed have?' });
    const reply = await discord.waitForCall(
      (c) => c.route === 'channel-message' && c.params.channel === dm.id && c.body.components,
      seq,
    );
    expect(reply.body.content.length).toBeGreaterThan(0);

    seq = discord.lastSeq();
    const status = discord.slashCommand({ user: grace, channel: dm, subcommand: 'status' });
    const shown = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === status.token,
      seq,
    );
    expect(shown.body.content).toMatch(/Stage 1 of \d+/);
  });

  it('lists scenarios and history privately', async () => {
    const { discord } = h;
    const user = discord.user('heidi');
    let seq = discord.lastSeq();
    const list = discord.slashCommand({ user, subcommand: 'scenarios' });
    const listed = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === list.token,
      seq,
    );
    expect(listed.body.content).toContain('`feed-engagement`');

    seq = discord.lastSeq();
    const history = discord.slashCommand({ user, subcommand: 'history' });
    const shown = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === history.token,
      seq,
    );
    expect(shown.body.content).toBe('No interviews yet.');
  });

  it("forget-me asks first, privately, then deletes the user's interviews when confirmed", async () => {
    const { discord } = h;
    const user = discord.user('ivan');
    const ask = async (options?: Record<string, string>) => {
      const seq = discord.lastSeq();
      const pending = discord.slashCommand({ user, subcommand: 'forget-me', options });
      const shown = await discord.waitForCall(
        (c) => c.route === 'webhook-edit' && c.params.token === pending.token,
        seq,
      );
      return shown.body.content as string;
    };
    expect(await ask()).toMatch(/cannot be undone.*\/interview forget-me confirm:confirm/s);
    expect(await ask({ confirm: 'later' })).toMatch(/cannot be undone/); // not the confirm word
    expect(await ask({ confirm: 'confirm' })).toMatch(/Nothing was stored about you|Deleted/);
  });

  restCallChecks(() => h, 10);
});

describe('Discord bot: public threads, coach mode, Chinese, a long-lived connection', () => {
  let h: Harness;
  beforeAll(async () => {
    // A short heartbeat interval, so the connection lives through several beats in this test,
    // yet longer than the event loop is ever held here: a heartbeat whose ACK is still queued
    // behind a busy loop when the next beat is due is taken for a dead connection (discord.js
    // then resumes, which this gateway refuses). The scorer is warmed up first for the same reason.
    h = await startBot({ privateThreads: false, heartbeatIntervalMs: 1_000, warmUp: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('opens a public thread when private threads are not asked for', async () => {
    const { discord } = h;
    const seq = discord.lastSeq();
    const start = discord.slashCommand({
      user: discord.user('ivan'),
      subcommand: 'start',
      options: { scenario: SCENARIO },
    });
    await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === start.token,
      seq,
    );
    const created = discord.calls.find((c) => c.seq > seq && c.route === 'thread-create')!;
    expect(created.body.type).toBe(11);
    expect(created.body.invitable).toBeUndefined();
  });

  it('gives coach-mode feedback as an embed and speaks Chinese when asked', async () => {
    const { discord } = h;
    const judy = discord.user('judy');
    let seq = discord.lastSeq();
    const start = discord.slashCommand({
      user: judy,
      subcommand: 'start',
      options: { scenario: SCENARIO, mode: 'coach', language: 'zh' },
    });
    const pointer = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === start.token,
      seq,
    );
    expect(pointer.body.content).toContain('你的面试');
    const created = discord.calls.find((c) => c.seq > seq && c.route === 'thread-create')!;
    const thread = discord.world.channels.get(created.response.id)!;
    expect(textAfter(discord, seq)).toContain('第 1/');

    seq = discord.lastSeq();
    discord.say({
      user: judy,
      channel: thread,
      content: '我们的目标是提升用户的长期留存和有效互动，先明确业务目标。',
    });
    await discord.waitForCall(
      (c) => c.route === 'channel-message' && c.params.channel === thread.id && c.body.components,
      seq,
    );
    seq = discord.lastSeq();
    const message = latestWithButtons(discord, thread.id)!;
    expect(message.components).toHaveLength(1);
    const next = discord.pressButton({ user: judy, message, customId: buttonFor(message, 'next') });
    const feedback = await discord.waitForCall(
      (c) =>
        c.route === 'webhook-execute' && c.params.token === next.token && c.body.embeds?.length > 0,
      seq,
    );
    expect(feedback.body.embeds[0].title).toContain('反馈');
    expect(feedback.body.embeds[0].footer.text).toContain('评分方式');
  });

  it('answers heartbeats so the session survives several of them without reconnecting', async () => {
    const { discord } = h;
    await discord.until(() => discord.gateway.record.heartbeats >= 3);
    const seq = discord.lastSeq();
    const list = discord.slashCommand({ user: discord.user('kim'), subcommand: 'scenarios' });
    await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === list.token,
      seq,
    );
    expect(discord.gateway.record.connections).toHaveLength(1);
    expect(discord.gateway.record.identifies).toHaveLength(1);
  });
});

describe('Discord bot: a thread that cannot be set up', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot({ privateThreads: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('deletes the thread it opened when the candidate cannot be added, and says why privately', async () => {
    const { discord } = h;
    // Discord refuses to add the candidate to the new thread (404 Unknown Channel).
    discord.world.threadMembers.get = () => undefined;
    const seq = discord.lastSeq();
    const start = discord.slashCommand({
      user: discord.user('mallory'),
      subcommand: 'start',
      options: { scenario: SCENARIO },
    });
    const answer = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === start.token,
      seq,
    );
    expect(answer.body.content).toContain('could not open a thread');
    const created = discord.calls.find((c) => c.seq > seq && c.route === 'thread-create')!;
    expect(
      discord.calls.some(
        (c) =>
          c.seq > seq && c.route === 'channel-delete' && c.params.channel === created.response.id,
      ),
    ).toBe(true);
    expect(discord.world.channels.has(created.response.id)).toBe(false);
  });
});
