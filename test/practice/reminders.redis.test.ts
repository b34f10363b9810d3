/**
 * Practice reminders sent once across processes: two app instances on one real Redis (each
 * with its own connections, as two processes have) sweep at the same moment; the candidate gets
 * one Slack DM through the real WebClient against the fake Web API. A third instance started
 * afterwards (a restart) finds the schedule in the store and sends nothing twice.
 */
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { slackReminders } from '../../src/adapters/slack/reminders.ts';
import { type App, createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { sweepReminders } from '../../src/practice/reminder-loop.ts';
import { KNOWLEDGE_DIR } from '../adapters/slack/harness.ts';
import { FakeClock } from '../engine/fakes.ts';
import { FAKE_TEAM_ID, FakeSlackWebApi } from '../fakes/slack/web-api.ts';
import { deleteNamespace, redisUrl, uniqueNamespace } from '../store/redis-helpers.ts';

const logger = pino({ level: 'silent' });
const BOT_TOKEN = 'xoxb-reminders';
const USER = 'U0REMIND';
const ACTOR = `slack:${FAKE_TEAM_ID}:${USER}`;

describe.skipIf(!redisUrl)('practice reminders across processes (needs REDIS_URL)', () => {
  const namespace = uniqueNamespace('reminders');
  const clock = new FakeClock();
  let fake: FakeSlackWebApi;
  const apps: App[] = [];
  const config = () => loadConfig({ REDIS_URL: redisUrl!, KNOWLEDGE_DIR });
  const newApp = async () => {
    const app = await createApp(config(), { logger, namespace, clock });
    apps.push(app);
    return app;
  };
  const client = () =>
    new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
  const dms = () =>
    fake.calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === USER);

  beforeAll(async () => {
    fake = await new FakeSlackWebApi({ botToken: BOT_TOKEN }).start();
  });
  afterAll(async () => {
    await Promise.allSettled(apps.map((a) => a.close()));
    await fake?.stop();
    const admin = new Redis(redisUrl!);
    await deleteNamespace(admin, namespace);
    await admin.quit();
  });

  it('two processes sweeping at once send one DM; a restarted one does not send it again', async () => {
    const [first, second] = [await newApp(), await newApp()];
    const run = async (command: Parameters<App['engine']['execute']>[0]['command']) => {
      const outcome = await first.engine.execute({ actor: ACTOR, sessionId: 's-rem', command });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    };
    await run({ kind: 'start', scenarioId: 'mini-recsys' });
    await run({ kind: 'answer', text: 'The objective is watch time.' });
    await run({ kind: 'end' });
    const on = await second.engine.execute({
      actor: ACTOR,
      command: { kind: 'reminders', on: true },
    });
    expect(on.ok).toBe(true);

    // Nothing is due yet: no DM.
    expect(await sweepReminders(first.engine, slackReminders(client(), null), logger)).toBe(0);
    clock.time += 400 * 24 * 60 * 60 * 1000; // well past any review date

    const sent = await Promise.all([
      sweepReminders(first.engine, slackReminders(client(), null), logger),
      sweepReminders(second.engine, slackReminders(client(), null), logger),
    ]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
    expect(dms()).toHaveLength(1);
    expect(String(dms()[0]!.args.text)).toMatch(/^Time to practise: .* due for review/);

    await Promise.all(apps.splice(0).map((a) => a.close()));
    const restarted = await newApp();
    expect(await sweepReminders(restarted.engine, slackReminders(client(), null), logger)).toBe(0);
    expect(dms()).toHaveLength(1);
    // The schedule survived the restart: /practice finds the due stage.
    expect(await restarted.engine.planDrill(ACTOR, { due: true })).toMatchObject({
      ok: true,
      why: 'due',
    });

    // Turned off: nothing is claimed or sent, even when due again later.
    await restarted.engine.execute({ actor: ACTOR, command: { kind: 'reminders', on: false } });
    expect(await restarted.engine.candidateIndex.withReminders()).toEqual([]);
  });
});
