/**
 * The bot under test: the real discord.js client (via `startDiscordBot`) against the local
 * fake Discord, with the in-memory store and the offline interviewer and scorer. `startBot()`
 * uses the composition root (`createApp`) as `npm start` does; `startBotWith()` the same with
 * a stand-in interviewer or scorer (slow or long-winded stubs).
 */
import { pino } from 'pino';
import { createApp } from '../../../src/app.ts';
import { type DiscordBot, startDiscordBot } from '../../../src/adapters/discord/index.ts';
import type { DiscordAppDeps } from '../../../src/adapters/discord/context.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Interviewer, StageScorer } from '../../../src/engine/ports.ts';
import {
  type FakeChannel,
  type FakeDiscord,
  type FakeMessage,
  type FakeUser,
  type RecordedCall,
  startFakeDiscord,
} from '../../fakes/discord/server.ts';

export interface Harness {
  discord: FakeDiscord;
  bot: DiscordBot;
  app: DiscordAppDeps;
  /**
   * Stops the bot and closes the app, then builds both again from the same settings (a
   * restart): with a store file (`env.DATABASE_PATH`, no `memoryStore`) the interviews stay.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

function testEnv(
  discord: FakeDiscord,
  privateThreads: boolean,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  // No OPENAI_* variables unless `extra` has them: the offline interviewer and scorer.
  return {
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    DISCORD_PRIVATE_THREADS: privateThreads ? 'true' : 'false',
    ...extra,
  };
}

export async function startBot(
  options: {
    privateThreads?: boolean;
    heartbeatIntervalMs?: number;
    interviewer?: Interviewer;
    scorer?: StageScorer;
    /** More settings (a store file, an LLM endpoint). */
    env?: NodeJS.ProcessEnv;
    /** The in-memory store (default); false: the store the settings choose. */
    memoryStore?: boolean;
    /**
     * Build the offline scorer's catalogues and indexes before connecting, so that the first
     * answer scored does not hold the event loop for a second (the real bots warm up once
     * connected; with Discord's 41 s heartbeat that is harmless, with a test's short one it is not).
     */
    warmUp?: boolean;
  } = {},
): Promise<Harness> {
  const discord = await startFakeDiscord({ heartbeatIntervalMs: options.heartbeatIntervalMs });
  const config = loadConfig({
    ...testEnv(discord, options.privateThreads ?? true),
    ...options.env,
  });
  const open = async () => {
    const app = await createApp(config, {
      logger,
      memoryStore: options.memoryStore ?? true,
      interviewer: options.interviewer,
      scorer: options.scorer,
    });
    if (options.warmUp) app.warmUp();
    return { app, bot: await startDiscordBot(app, config.discord!, logger) };
  };
  let running = await open();
  const stop = async () => {
    await running.bot.stop();
    await running.app.close();
  };
  const harness: Harness = {
    discord,
    ...running,
    async restart() {
      await stop();
      running = await open();
      Object.assign(harness, running);
    },
    async close() {
      await stop();
      await discord.close();
    },
  };
  return harness;
}

/**
 * Runs `/interview start` (interview mode, English) for a new user `name` and returns the
 * interview thread once the start is acknowledged.
 */
export async function startInterview(
  discord: FakeDiscord,
  name: string,
  scenario: string,
): Promise<{ thread: FakeChannel; user: FakeUser }> {
  const user = discord.user(name);
  return { thread: await startInterviewThread(discord, user, scenario), user };
}

/** The bot with a stand-in interviewer or scorer (slow or long-winded stubs). */
export function startBotWith(ports: {
  interviewer?: Interviewer;
  scorer?: StageScorer;
}): Promise<Harness> {
  return startBot(ports);
}

/** Routes whose bodies are messages (content, embeds, components). */
export const MESSAGE_ROUTES = new Set<RecordedCall['route']>([
  'channel-message',
  'channel-message-edit',
  'webhook-execute',
  'webhook-edit',
]);

/** The message bodies the bot sent, including interaction replies that carried a message. */
export function messageBodies(calls: readonly RecordedCall[]): RecordedCall['body'][] {
  const bodies: RecordedCall['body'][] = [];
  for (const call of calls) {
    if (MESSAGE_ROUTES.has(call.route)) bodies.push(call.body);
    if (call.route === 'interaction-callback' && [4, 7].includes(call.body?.type))
      bodies.push(call.body.data);
  }
  return bodies;
}

export function buttonIds(message: FakeMessage): string[] {
  return (message.components as { components?: { custom_id?: string }[] }[]).flatMap((row) =>
    (row.components ?? []).map((c) => c.custom_id ?? ''),
  );
}

/** The newest message in `channelId` that carries buttons (what a person would click). */
export function latestWithButtons(discord: FakeDiscord, channelId: string): FakeMessage | null {
  const withButtons = discord.world.messagesIn(channelId).filter((m) => m.components.length > 0);
  return withButtons[withButtons.length - 1] ?? null;
}

/** The custom id of `action`'s button on `message`. */
export function buttonFor(message: FakeMessage, action: string): string {
  const id = buttonIds(message).find((c) => c.startsWith(`mli:${action}:`));
  if (!id)
    throw new Error(
      `no ${action} button on message ${message.id}: ${buttonIds(message).join(', ')}`,
    );
  return id;
}

/** Text of everything the bot posted after `seq` (contents and embed text), for assertions. */
export function textAfter(discord: FakeDiscord, seq: number): string {
  return messageBodies(discord.calls.filter((c) => c.seq > seq))
    .map((body) =>
      [
        body?.content ?? '',
        ...(body?.embeds ?? []).map((e: { title?: string; description?: string }) =>
          [e.title, e.description].filter(Boolean).join('\n'),
        ),
      ].join('\n'),
    )
    .join('\n');
}

/**
 * `/interview start` (interview mode, English) for `user`; resolves with the interview's
 * thread once the command's private answer has come.
 */
export async function startInterviewThread(
  discord: FakeDiscord,
  user: FakeUser,
  scenario = 'feed-engagement',
): Promise<FakeChannel> {
  const before = discord.lastSeq();
  const started = discord.slashCommand({
    user,
    subcommand: 'start',
    options: { scenario, mode: 'interview', language: 'en' },
  });
  await discord.waitForCall(
    (c) => c.route === 'webhook-edit' && c.params.token === started.token,
    before,
  );
  const created = discord.calls.find((c) => c.seq > before && c.route === 'thread-create')!;
  return discord.world.channels.get(created.response.id)!;
}
