/**
 * The bot with a stand-in interviewer, for what the offline one never does: take its time (the
 * interaction must be deferred first and answered later), answer at great length (split into
 * messages within 2,000 characters) and repeat the candidate's words (which must not ping).
 * A gate, not a clock, decides when the slow interviewer answers: no durations are asserted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { InterviewerContext, InterviewerMove } from '../../../src/engine/ports.ts';
import { OfflineInterviewer } from '../../../src/interviewer/rule-based-interviewer.ts';
import type { FakeChannel, FakeUser } from '../../fakes/discord/server.ts';
import {
  buttonFor,
  type Harness,
  latestWithButtons,
  messageBodies,
  startBotWith,
  textAfter,
} from './harness.ts';

/** Holds the interviewer's answers until `open()`; `entered` resolves when one is waiting. */
class Gate {
  private release!: () => void;
  private readonly opened = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  private reached!: () => void;
  readonly entered = new Promise<void>((resolve) => {
    this.reached = resolve;
  });
  async pass(): Promise<void> {
    this.reached();
    await this.opened;
  }
  open(): void {
    this.release();
  }
}

/** The offline interviewer, except where a test overrides a move. */
class StandInInterviewer extends OfflineInterviewer {
  gate: Gate | null = null;
  respondWith: ((context: InterviewerContext) => string) | null = null;

  override async respond(context: InterviewerContext): Promise<InterviewerMove> {
    await this.gate?.pass();
    const move = await super.respond(context);
    return this.respondWith ? { ...move, message: this.respondWith(context) } : move;
  }

  override async hint(context: InterviewerContext, level: number): Promise<InterviewerMove> {
    await this.gate?.pass();
    return super.hint(context, level);
  }
}

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function startInterview(
  harness: Harness,
  name: string,
): Promise<{ user: FakeUser; thread: FakeChannel }> {
  const { discord } = harness;
  const user = discord.user(name);
  const before = discord.lastSeq();
  const start = discord.slashCommand({
    user,
    subcommand: 'start',
    options: { scenario: 'feed-engagement' },
  });
  await discord.waitForCall(
    (c) => c.route === 'webhook-edit' && c.params.token === start.token,
    before,
  );
  const created = discord.calls.find((c) => c.seq > before && c.route === 'thread-create')!;
  return { user, thread: discord.world.channels.get(created.response.id)! };
}

describe('Discord bot with a stand-in interviewer', () => {
  it('defers a button press at once and answers when the slow interviewer is done', async () => {
    const interviewer = new StandInInterviewer();
    h = await startBotWith({ interviewer });
    const { discord } = h;
    const { user, thread } = await startInterview(h, 'ada');

    const gate = new Gate();
    interviewer.gate = gate;
    const seq = discord.lastSeq();
    const message = latestWithButtons(discord, thread.id)!;
    const press = discord.pressButton({ user, message, customId: buttonFor(message, 'hint') });

    // The interviewer is working (held at the gate) and the press is already acknowledged,
    // with the typing indicator on, and nothing answered yet.
    await gate.entered;
    const ack = await discord.waitForCall(
      (c) => c.route === 'interaction-callback' && c.params.token === press.token,
      seq,
    );
    expect(ack.body).toEqual({ type: 6 });
    await discord.waitForCall((c) => c.route === 'typing' && c.params.channel === thread.id, seq);
    expect(discord.calls.filter((c) => c.seq > seq && c.route === 'webhook-execute')).toEqual([]);

    gate.open();
    const answer = await discord.waitForCall(
      (c) => c.route === 'webhook-execute' && c.params.token === press.token,
      seq,
    );
    expect(answer.seq).toBeGreaterThan(ack.seq);
    expect(answer.body.content).toMatch(/Hint 1/);
  });

  it('runs one turn for a double click: the second press of the same message is only acknowledged', async () => {
    const interviewer = new StandInInterviewer();
    h = await startBotWith({ interviewer });
    const { discord, bot } = h;
    const { user, thread } = await startInterview(h, 'dennis');

    const gate = new Gate();
    interviewer.gate = gate;
    const seq = discord.lastSeq();
    const message = latestWithButtons(discord, thread.id)!;
    const customId = buttonFor(message, 'hint');
    const first = discord.pressButton({ user, message, customId });
    await gate.entered;
    const second = discord.pressButton({ user, message, customId });
    const secondAck = await discord.waitForCall(
      (c) => c.route === 'interaction-callback' && c.params.token === second.token,
      seq,
    );
    expect(secondAck.body).toEqual({ type: 6 });

    gate.open();
    const answer = await discord.waitForCall(
      (c) => c.route === 'webhook-execute' && c.params.token === first.token,
      seq,
    );
    expect(answer.body.content).toMatch(/Hint 1/);
    // Every turn in flight has finished once stop() resolves: the second press ran none.
    await bot.stop();
    const answered = discord.calls.filter((c) => c.seq > seq && c.route === 'webhook-execute');
    expect(answered.map((c) => c.params.token)).toEqual([first.token]);
    expect(textAfter(discord, seq)).not.toMatch(/Hint 2/);
  });

  it('defers a slash command at once and fills the reply when the slow interviewer is done', async () => {
    const interviewer = new StandInInterviewer();
    h = await startBotWith({ interviewer });
    const { discord } = h;
    const { user, thread } = await startInterview(h, 'grace');

    const gate = new Gate();
    interviewer.gate = gate;
    const seq = discord.lastSeq();
    const hint = discord.slashCommand({ user, channel: thread, subcommand: 'hint' });
    await gate.entered;
    const ack = await discord.waitForCall(
      (c) => c.route === 'interaction-callback' && c.params.token === hint.token,
      seq,
    );
    // Public (the hint is part of the interview), deferred: "thinking…" until it is ready.
    expect(ack.body).toEqual({ type: 5, data: { flags: 0 } });
    expect(discord.calls.filter((c) => c.seq > seq && c.route === 'webhook-edit')).toEqual([]);

    gate.open();
    const filled = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === hint.token,
      seq,
    );
    expect(filled.body.content).toMatch(/Hint 1/);
    expect(filled.body.components[0].components.map((b: { label: string }) => b.label)).toEqual([
      'Follow-up',
      'Hint',
      'Next stage',
      'End & score',
    ]);
  });

  it('splits a 6,000-character reply into messages of at most 2,000, echoing @everyone harmlessly', async () => {
    const interviewer = new StandInInterviewer();
    // A long-winded interviewer that quotes the candidate, mentions and all.
    const sentence = (i: number) =>
      `Point ${i}: consider how the ranking model trades freshness against relevance at scale.`;
    const long = Array.from({ length: 75 }, (_, i) => sentence(i)).join(' ');
    interviewer.respondWith = (context) =>
      `You said: "${context.stageTurns[context.stageTurns.length - 1]?.text}". ${long}`;
    h = await startBotWith({ interviewer });
    const { discord } = h;
    const { user, thread } = await startInterview(h, 'linus');

    const seq = discord.lastSeq();
    discord.say({
      user,
      channel: thread,
      content: 'Hey @everyone and @here and <@&123456789012345678>, what is the scale?',
    });
    const last = await discord.waitForCall(
      (c) => c.route === 'channel-message' && c.params.channel === thread.id && c.body.components,
      seq,
    );
    const parts = discord.calls.filter(
      (c) => c.seq > seq && c.seq <= last.seq && c.route === 'channel-message',
    );
    const text = parts.map((c) => c.body.content as string);
    expect(text.join(' ').length).toBeGreaterThan(6000);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    for (const content of text) expect(content.length).toBeLessThanOrEqual(2000);
    // Cut between sentences, and nothing lost.
    for (const content of text.slice(0, -1)) expect(content).toMatch(/[.!?]$/);
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    expect(words(text.join(' '))).toEqual(
      words(
        `You said: "${'Hey @everyone and @here and <@&123456789012345678>, what is the scale?'}". ${long}`,
      ),
    );
    // The echo carries @everyone, yet no message may ping anyone.
    expect(text[0]).toContain('@everyone');
    for (const body of messageBodies(discord.calls)) {
      expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    }
    // Only the last part carries the buttons.
    expect(parts.filter((c) => c.body.components).length).toBe(1);
  });

  it('stop() lets the turn in flight post its reply before closing the connection', async () => {
    const interviewer = new StandInInterviewer();
    h = await startBotWith({ interviewer });
    const { discord, bot } = h;
    const { user, thread } = await startInterview(h, 'barbara');

    const gate = new Gate();
    interviewer.gate = gate;
    const seq = discord.lastSeq();
    discord.say({ user, channel: thread, content: 'What latency budget do we have?' });
    await gate.entered;

    let repliedBeforeStop = false;
    const stopped = bot.stop().then(() => {
      repliedBeforeStop = discord.calls.some(
        (c) => c.seq > seq && c.route === 'channel-message' && c.params.channel === thread.id,
      );
    });
    // Still connected while the turn runs.
    expect(discord.gateway.record.closes).toEqual([]);
    gate.open();
    await stopped;
    expect(repliedBeforeStop).toBe(true);
    await discord.until(() => discord.gateway.record.closes.length > 0);
    expect(discord.gateway.record.closes).toEqual([1000]);
  });

  it('an answer typed while stop() drains is not dropped silently: the candidate is asked to send it again', async () => {
    const interviewer = new StandInInterviewer();
    h = await startBotWith({ interviewer });
    const { discord, bot } = h;
    const { user, thread } = await startInterview(h, 'grace');

    const gate = new Gate();
    interviewer.gate = gate;
    discord.say({ user, channel: thread, content: 'What latency budget do we have?' });
    await gate.entered;
    const stopped = bot.stop();

    // Discord never redelivers a message: this one must get an answer before the bot goes.
    const seq = discord.lastSeq();
    discord.say({ user, channel: thread, content: 'And how many daily users?' });
    const notice = await discord.waitForCall(
      (c) =>
        c.route === 'channel-message' &&
        c.params.channel === thread.id &&
        String(c.body.content).includes('restarting'),
      seq,
    );
    expect(notice.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    gate.open();
    await stopped;
  });
});
