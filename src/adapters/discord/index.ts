/**
 * The Discord bot: `startDiscordBot(app, config, logger)` logs in, routes interactions and
 * interview-thread messages to the engine, and returns `stop()`, which stops taking events,
 * waits for the turns in flight to send their replies, then closes the connection.
 */
import { once } from 'node:events';
import { Events } from 'discord.js';
import type { Logger } from '../../logger.ts';
import { createDiscordClient, type DiscordConfig } from './client.ts';
import type { BotContext, DiscordAppDeps } from './context.ts';
import { InFlightTurns } from './in-flight.ts';
import { LiveButtons } from './live-buttons.ts';
import { handleMessage } from './message-handler.ts';
import { routeInteraction } from './router.ts';

export type { DiscordAppDeps } from './context.ts';
export type { DiscordConfig } from './client.ts';

export interface DiscordBot {
  stop(): Promise<void>;
}

export async function startDiscordBot(
  app: DiscordAppDeps,
  config: DiscordConfig,
  logger: Logger,
): Promise<DiscordBot> {
  const log = logger.child({ adapter: 'discord' });
  const client = createDiscordClient(config);
  const turns = new InFlightTurns();
  const context: BotContext = {
    app,
    config,
    logger: log,
    turns,
    buttons: new LiveButtons(),
    botUserId: () => client.user?.id ?? null,
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

  const ready = once(client, Events.ClientReady);
  await client.login(config.token);
  await ready;
  log.info(
    {
      user: client.user?.tag,
      guilds: client.guilds.cache.size,
      privateThreads: config.privateThreads,
    },
    'discord bot ready',
  );

  let stopped: Promise<void> | null = null;
  return {
    stop() {
      stopped ??= (async () => {
        await turns.drain();
        await client.destroy();
        log.info('discord bot stopped');
      })();
      return stopped;
    },
  };
}
