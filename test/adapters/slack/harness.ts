/**
 * One Slack app under test: the fake Web API, the real composition root (memory store, offline
 * interviewer and scorer, the mini knowledge fixture), and the real Bolt app in HTTP mode on
 * 127.0.0.1 with its WebClient pointed at the fake (retries off).
 */
import path from 'node:path';
import { pino } from 'pino';
import { type RunningSlackApp, startSlackApp } from '../../../src/adapters/slack/index.ts';
import { type App, createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { SignedSender } from '../../fakes/slack/sender.ts';
import { FakeSlackWebApi, type RecordedCall } from '../../fakes/slack/web-api.ts';

export const BOT_TOKEN = 'xoxb-test-token';
export const SIGNING_SECRET = 'test-signing-secret';
export const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../../fixtures/knowledge-mini');

export const CANDIDATE = { id: 'U0CAND', name: 'cand' };
export const STRANGER = { id: 'U0OTHER', name: 'other' };

export interface Harness {
  fake: FakeSlackWebApi;
  app: App;
  slack: RunningSlackApp;
  sender: SignedSender;
  /** Calls made since `mark()`. */
  since(mark: number): RecordedCall[];
  mark(): number;
  /**
   * Stops the Bolt app and closes the app, then builds both again from the same settings (a
   * restart, on a new port: `sender` follows). With a store file the interviews stay.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const silentLogger = pino({ level: 'silent' });

export async function startHarness(
  options: {
    app?: App;
    /** More settings (a store file, an LLM endpoint). */
    env?: NodeJS.ProcessEnv;
    /** The in-memory store (default); false: the store the settings choose. */
    memoryStore?: boolean;
    logger?: typeof silentLogger;
  } = {},
): Promise<Harness> {
  const fake = await new FakeSlackWebApi({ botToken: BOT_TOKEN }).start();
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    KNOWLEDGE_DIR,
    ...options.env,
  });
  const open = async () => {
    const app =
      options.app ??
      (await createApp(config, {
        logger: silentLogger,
        memoryStore: options.memoryStore ?? true,
      }));
    const slack = await startSlackApp(app, config.slack!, options.logger ?? silentLogger, {
      clientOptions: { retryConfig: { retries: 0 } },
      host: '127.0.0.1',
    });
    const sender = new SignedSender(`http://127.0.0.1:${slack.port}/slack/events`, SIGNING_SECRET);
    return { app, slack, sender };
  };
  const stop = async () => {
    await harness.slack.stop();
    if (!options.app) await harness.app.close();
  };
  const harness: Harness = {
    fake,
    ...(await open()),
    mark: () => fake.calls.length,
    since: (mark) => fake.calls.slice(mark),
    async restart() {
      await stop();
      Object.assign(harness, await open());
    },
    async close() {
      await stop();
      await fake.stop();
    },
  };
  return harness;
}

/** Text of everything a call sends for people to read (text, blocks, views), as JSON. */
export function visibleText(call: RecordedCall): string {
  const { text, blocks, view, initial_comment, title } = call.args;
  return JSON.stringify({ text, blocks, view, initial_comment, title });
}

export function postsInThread(
  calls: RecordedCall[],
  channel: string,
  threadTs: string,
): RecordedCall[] {
  return calls.filter(
    (c) =>
      c.method === 'chat.postMessage' &&
      c.args.channel === channel &&
      c.args.thread_ts === threadTs,
  );
}
