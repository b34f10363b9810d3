/**
 * The Discord bot: `startDiscordBot(app, config, logger)` logs in, routes interactions and
 * interview-thread messages to the engine, and returns `stop()`, which stops taking events,
 * waits for the turns in flight to send their replies, then closes the connection.
 */
import { once } from 'node:events';
import { Events } from 'discord.js';
import type { Logger } from '../../logger.ts';
import { SetupError } from '../../setup-error.ts';
import { InFlight } from '../kit/in-flight.ts';
import { PressGuard } from '../kit/press-guard.ts';
import type { RunningAdapter } from '../kit/running.ts';
import {
  connectTimeoutError,
  connectWithin,
  networkCode,
  type PlatformEndpoint,
  startFailedError,
  unreachableError,
} from '../kit/startup.ts';
import { createDiscordClient, type DiscordConfig, type RestLimits } from './client.ts';
import { DOWNLOAD_TIMEOUT_MS } from '../kit/attachments.ts';
import type { BotContext, DiscordAppDeps } from './context.ts';
import { LiveButtons } from './live-buttons.ts';
import { handleMessage } from './message-handler.ts';
import { routeInteraction } from './router.ts';
import { startReminderLoop } from '../../practice/reminder-loop.ts';
import { discordReminders } from './reminders.ts';

export type { DiscordAppDeps } from './context.ts';
export type { DiscordConfig } from './client.ts';

export type DiscordBot = RunningAdapter;

export async function startDiscordBot(
  app: DiscordAppDeps,
  config: DiscordConfig,
  logger: Logger,
  /** `reminderSweepMs`: how often due practice reminders are sent (absent or 0: never). */
  options: { rest?: RestLimits; reminderSweepMs?: number } = {},
): Promise<DiscordBot> {
  const log = logger.child({ adapter: 'discord' });
  const client = createDiscordClient(config, options.rest);
  const turns = new InFlight();
  const context: BotContext = {
    app,
    config,
    logger: log,
    turns,
    buttons: new LiveButtons(),
    presses: new PressGuard(app.engine),
    botUserId: () => client.user?.id ?? null,
    downloadTimeoutMs: options.rest?.timeoutMs ?? DOWNLOAD_TIMEOUT_MS,
  };

  client.on(Events.InteractionCreate, (interaction) => void routeInteraction(interaction, context));
  client.on(Events.MessageCreate, (message) => {
    handleMessage(message, context).catch((error: unknown) => {
      log.error(
        { err: error, messageId: message.id, channelId: message.channelId },
        'discord message failed',
      );
    });
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.on(Events.Warn, (warning) => log.warn({ warning }, 'discord client warning'));

  await connectWithin({
    timeoutMs: config.connectTimeoutMs,
    connect: async () => {
      const ready = once(client, Events.ClientReady);
      await client.login(config.token);
      await ready;
    },
    abandon: () => client.destroy(),
    explain: (error) => discordStartError(error, config),
    onTimeout: (seconds) => connectTimeoutError(discordEndpoint(config), seconds, 'connect'),
  });
  log.info(
    {
      user: client.user?.tag,
      guilds: client.guilds.cache.size,
      privateThreads: config.privateThreads,
    },
    'discord bot ready',
  );

  const reminders = startReminderLoop(
    app.engine,
    discordReminders(client),
    options.reminderSweepMs ?? 0,
    log,
  );
  let stopped: Promise<void> | null = null;
  return {
    idle: () => turns.idle(),
    stop() {
      stopped ??= (async () => {
        reminders.stop();
        await turns.drain();
        await client.destroy();
        log.info('discord bot stopped');
      })();
      return stopped;
    },
  };
}

function discordEndpoint(config: DiscordConfig): PlatformEndpoint {
  return {
    name: 'Discord',
    host: 'discord.com',
    apiUrlSetting: 'DISCORD_API_URL',
    apiUrl: config.apiUrl,
    tokenSetting: 'DISCORD_TOKEN',
  };
}

/** Why Discord refused or could not be reached, as one line with the setting and the fix. */
function discordStartError(error: unknown, config: DiscordConfig): SetupError {
  const code = (error as { code?: unknown }).code;
  if (code === 'TokenInvalid' || (error as { status?: unknown }).status === 401) {
    return new SetupError({
      setting: 'DISCORD_TOKEN',
      problem: 'Discord rejected the bot token (401 Unauthorized)',
      fix: 'copy the token again: Developer Portal → your application → Bot → Reset Token',
      cause: error,
    });
  }
  if (code === 'DisallowedIntents') {
    return new SetupError({
      setting: 'DISCORD_TOKEN',
      problem: 'Discord refused the Message Content intent for this bot',
      fix: 'switch on Message Content Intent: Developer Portal → Bot → Privileged Gateway Intents',
      cause: error,
    });
  }
  const network = networkCode(error);
  if (network) return unreachableError(discordEndpoint(config), network, error);
  return startFailedError(discordEndpoint(config), 'bot', 'DISCORD_TOKEN', error);
}
