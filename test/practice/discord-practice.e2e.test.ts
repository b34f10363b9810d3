/**
 * The practice loop on Discord: discord.js against the local fake Discord (REST + gateway),
 * the in-memory store, the offline interviewer and scorer. `/interview drill` opens a thread
 * and asks the first question within three messages; the model answer follows coach-mode
 * feedback and `/interview model-answer` gives one on request; `/interview practice` and
 * `/interview reminders` answer privately.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buttonFor,
  type Harness,
  latestWithButtons,
  messageBodies,
  startBot,
  textAfter,
} from '../adapters/discord/harness.ts';

describe('practice loop on Discord', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot({ privateThreads: true });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('drills a stage in a new thread: at most three messages from the command to the first question', async () => {
    const { discord } = h;
    const user = discord.user('drill-dana');
    let seq = discord.lastSeq();
    const drill = discord.slashCommand({
      user,
      subcommand: 'drill',
      options: { stage: 'metrics' },
    });
    await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === drill.token,
      seq,
    );
    const created = discord.calls.find((c) => c.seq > seq && c.route === 'thread-create')!;
    const thread = discord.world.channels.get(created.response.id)!;
    const bodies = messageBodies(discord.calls.filter((c) => c.seq > seq));
    const question = bodies.findIndex((b) => /\*\*Stage 1 of 1: /.test(b?.content ?? ''));
    expect(question).toBeGreaterThanOrEqual(0);
    // The messages up to and including the question, plus the private "it is in #thread".
    expect(bodies.length).toBeLessThanOrEqual(3);
    expect(textAfter(discord, seq)).toContain('Drill: one stage, Define evaluation metrics');

    // Before the stage is closed the model answer is withheld; after /next it follows feedback.
    seq = discord.lastSeq();
    const early = discord.slashCommand({ user, channel: thread, subcommand: 'model-answer' });
    const withheld = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === early.token,
      seq,
    );
    expect(withheld.body.content).toMatch(/after the interview/);

    seq = discord.lastSeq();
    discord.say({
      user,
      channel: thread,
      content: 'Offline I track AUC; online, CTR and watch time.',
    });
    await discord.waitForCall(
      (c) => c.route === 'channel-message' && c.params.channel === thread.id && c.body.components,
      seq,
    );
    seq = discord.lastSeq();
    const message = latestWithButtons(discord, thread.id)!;
    const next = discord.pressButton({ user, message, customId: buttonFor(message, 'next') });
    await discord.waitForCall(
      (c) =>
        c.route === 'webhook-execute' &&
        c.params.token === next.token &&
        /Model answer \(level 4\)/.test(c.body.content ?? ''),
      seq,
    );

    seq = discord.lastSeq();
    const asked = discord.slashCommand({
      user,
      channel: thread,
      subcommand: 'model-answer',
      options: { stage: 'metrics' },
    });
    const shown = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === asked.token,
      seq,
    );
    expect(shown.body.content).toMatch(
      /^📘 \*\*Model answer \(level 4\), Define evaluation metrics/,
    );

    // History counts it as a drill.
    seq = discord.lastSeq();
    const history = discord.slashCommand({ user, subcommand: 'history' });
    const listed = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === history.token,
      seq,
    );
    expect(listed.body.content).toMatch(/\(drill\)/);
  });

  it('answers /interview practice and /interview reminders privately', async () => {
    const { discord } = h;
    const user = discord.user('practice-pat');
    let seq = discord.lastSeq();
    const practice = discord.slashCommand({ user, subcommand: 'practice' });
    const nothing = await discord.waitForCall(
      (c) => c.route === 'interaction-callback' && c.params.token === practice.token,
      seq,
    );
    expect(nothing.body.data.content).toMatch(/Nothing to review yet/);
    expect(nothing.body.data.flags & 64).toBe(64);

    seq = discord.lastSeq();
    const on = discord.slashCommand({ user, subcommand: 'reminders', options: { state: 'on' } });
    const said = await discord.waitForCall(
      (c) => c.route === 'webhook-edit' && c.params.token === on.token,
      seq,
    );
    expect(said.body.content).toMatch(/reminders are on/);
    expect(await h.app.engine.candidateIndex.withReminders()).toContain(`discord:${user.id}`);
  });
});
