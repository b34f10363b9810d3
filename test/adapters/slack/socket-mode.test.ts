/**
 * End to end in Socket Mode: the real Bolt app with an app token asks the fake Web API for a
 * WebSocket URL (apps.connections.open), connects to the fake Socket Mode server, receives
 * envelopes and acknowledges each by its envelope id; the interview runs as over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdFor } from '../../../src/adapters/slack/ids.ts';
import { type RunningSlackApp, startSlackApp } from '../../../src/adapters/slack/index.ts';
import { type App, createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import {
  buttonPress,
  eventCallback,
  slashCommand,
  threadReply,
} from '../../fakes/slack/payloads.ts';
import { asSocketPayload, FakeSocketModeServer } from '../../fakes/slack/socket-mode.ts';
import { FAKE_TEAM_ID, FakeSlackWebApi } from '../../fakes/slack/web-api.ts';
import {
  BOT_TOKEN,
  CANDIDATE,
  KNOWLEDGE_DIR,
  postsInThread,
  silentLogger,
  visibleText,
} from './harness.ts';

const APP_TOKEN = 'xapp-test-token';

let fake: FakeSlackWebApi;
let socket: FakeSocketModeServer;
let app: App;
let slack: RunningSlackApp;

beforeAll(async () => {
  socket = await new FakeSocketModeServer().start();
  fake = await new FakeSlackWebApi({
    botToken: BOT_TOKEN,
    appToken: APP_TOKEN,
    socketUrl: () => socket.url,
  }).start();
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    KNOWLEDGE_DIR,
  });
  app = await createApp(config, { logger: silentLogger, memoryStore: true });
  slack = await startSlackApp(app, config.slack!, silentLogger, {
    clientOptions: { retryConfig: { retries: 0 } },
  });
});

afterAll(async () => {
  await slack?.stop();
  await app?.close();
  await socket?.stop();
  await fake?.stop();
});

describe('Slack app in Socket Mode (real Bolt, fake Socket Mode server)', () => {
  it('connects with the app token and checks the bot token', async () => {
    expect(slack.mode).toBe('socket');
    expect(slack.port).toBeNull();
    await socket.connected();
    const open = fake.callsOf('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]!.token).toBe(APP_TOKEN);
    expect(fake.callsOf('auth.test')[0]!.token).toBe(BOT_TOKEN);
  });

  it('runs an interview from envelopes, acknowledging each, and takes a retried event once', async () => {
    let mark = fake.calls.length;
    const commandAck = await socket.send(
      'slash_commands',
      asSocketPayload(
        slashCommand({
          user: CANDIDATE,
          channel: 'C0SOCK',
          text: 'start mini-recsys',
          responseUrl: fake.responseUrl('s'),
        }),
      ),
    );
    expect(commandAck.envelope_id).toBe('envelope-1');
    const root = await fake.waitFor(
      (c) => c.method === 'chat.postMessage' && c.args.channel === 'C0SOCK',
    );
    await slack.idle();
    const threadTs = root.response!.ts as string;
    expect(postsInThread(fake.calls.slice(mark), 'C0SOCK', threadTs).length).toBeGreaterThan(0);

    const reply = eventCallback(
      threadReply({
        user: CANDIDATE,
        channel: 'C0SOCK',
        threadTs,
        ts: '1730000000.000001',
        text: 'First I would ask how many users we have and the latency budget.',
      }),
      'EvSOCK0001',
    );
    mark = fake.calls.length;
    const eventAck = await socket.send('events_api', asSocketPayload(reply));
    expect(eventAck.envelope_id).toBeDefined();
    await fake.waitFor(
      (c) =>
        fake.calls.indexOf(c) >= mark &&
        c.method === 'chat.postMessage' &&
        c.args.thread_ts === threadTs,
    );
    await slack.idle();
    const answered = postsInThread(fake.calls.slice(mark), 'C0SOCK', threadTs).length;
    expect(answered).toBeGreaterThan(0);

    // Slack redelivers the same event (retry_attempt 1): acknowledged, not answered again.
    mark = fake.calls.length;
    await socket.send('events_api', asSocketPayload(reply), { retryAttempt: 1 });
    await slack.idle();
    expect(fake.calls.slice(mark)).toEqual([]);

    // A button press arrives as an interactive envelope.
    mark = fake.calls.length;
    await socket.send(
      'interactive',
      asSocketPayload(
        buttonPress({
          user: CANDIDATE,
          channel: 'C0SOCK',
          messageTs: threadTs,
          threadTs,
          actionId: 'interview_hint',
          value: sessionIdFor({ teamId: FAKE_TEAM_ID, channel: 'C0SOCK', threadTs }),
          responseUrl: fake.responseUrl('h'),
        }),
      ),
    );
    const hint = await fake.waitFor(
      (c) =>
        fake.calls.indexOf(c) >= mark &&
        c.method === 'chat.postMessage' &&
        c.args.thread_ts === threadTs,
    );
    expect(visibleText(hint)).toContain('Hint 1');
  });

  it('disconnects on stop', async () => {
    await slack.stop();
    await socket.closed;
    expect(socket.connections).toBe(1);
  });
});
