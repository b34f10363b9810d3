/**
 * The discord.js client as the bot needs it.
 *
 * Intents: Guilds (slash commands, threads), GuildMessages + MessageContent (answers typed in
 * interview threads; Message Content is privileged: switch it on in the Developer Portal) and
 * DirectMessages (interviews in DMs). DM channels arrive uncached, hence the Channel partial.
 * `rest.api` points the REST client (and through `GET /gateway/bot` the gateway) elsewhere:
 * a REST proxy, or the local fake Discord in tests.
 */
import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../../config.ts';
import { NO_MENTIONS } from './send.ts';

export type DiscordConfig = NonNullable<Config['discord']>;

export const BOT_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
] as const;

/** Each REST request's time limit and retries (PLATFORM_TIMEOUT_MS, PLATFORM_MAX_RETRIES). */
export interface RestLimits {
  timeoutMs: number;
  retries: number;
}

export function createDiscordClient(
  config: Pick<DiscordConfig, 'apiUrl'>,
  limits?: RestLimits,
): Client {
  return new Client({
    intents: [...BOT_INTENTS],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    rest: {
      ...(config.apiUrl ? { api: config.apiUrl } : {}),
      ...(limits ? { timeout: limits.timeoutMs, retries: limits.retries } : {}),
    },
  });
}
