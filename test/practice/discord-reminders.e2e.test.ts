/**
 * A practice reminder on Discord: the bot's own reminder loop (a short sweep interval here)
 * finds the candidate's stage due and sends a DM through discord.js, which opens a DM channel
 * (POST /users/@me/channels) on the fake Discord and posts there, with no live mentions.
 */
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordBot, startDiscordBot } from '../../src/adapters/discord/index.ts';
import { type App, createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/server.ts';

const logger = pino({ level: 'silent' });

describe('practice reminders on Discord', () => {
  let discord: FakeDiscord;
  let app: App;
  let bot: DiscordBot;
  beforeAll(async () => {
    discord = await startFakeDiscord();
    const config = loadConfig({ DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl });
    app = await createApp(config, { logger, memoryStore: true });
    bot = await startDiscordBot(app, config.discord!, logger, { reminderSweepMs: 20 });
  });
  afterAll(async () => {
    await bot?.stop();
    await app?.close();
    await discord?.close();
  });

  it('sends one DM when a stage falls due for a candidate who turned reminders on', async () => {
    const user = discord.user('remi');
    const actor = `discord:${user.id}`;
    const sessionId = 'discord-reminder-session';
    await app.engine.execute({
      actor,
      sessionId,
      command: { kind: 'start', scenarioId: 'churn-prediction' },
    });
    await app.engine.execute({
      actor,
      sessionId,
      command: { kind: 'answer', text: 'Retained revenue.' },
    });
    await app.engine.execute({ actor, sessionId, command: { kind: 'end' } });
    // The review date is days away; make it due now rather than wait for it.
    await app.engine.candidateIndex.update(actor, (index) => {
      const next = index!;
      for (const record of Object.values(next.stages)) record!.card.due = 0;
      return next;
    });
    const seq = discord.lastSeq();
    await app.engine.execute({ actor, command: { kind: 'reminders', on: true } });

    const opened = await discord.waitForCall((c) => c.route === 'dm-create', seq);
    expect(opened.body.recipient_id).toBe(user.id);
    const dm = await discord.waitForCall(
      (c) => c.route === 'channel-message' && c.params.channel === opened.response.id,
      seq,
    );
    expect(dm.body.content).toMatch(/^Time to practise: .* due for review/);
    expect(dm.body.allowed_mentions.parse).toEqual([]);
    // Later sweeps find the same due state already claimed: still one DM.
    await app.engine.execute({ actor, command: { kind: 'history' } });
    const more = await app.engine.claimDueReminders((id) => id === actor);
    expect(more).toEqual([]);
    expect(discord.calls.filter((c) => c.seq > seq && c.route === 'dm-create')).toHaveLength(1);
  });
});
