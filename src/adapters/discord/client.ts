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

export function createDiscordClient(config: Pick<DiscordConfig, 'apiUrl'>): Client {
  return new Client({
    intents: [...BOT_INTENTS],
    partials: [Partials.Channel],
    allowedMentions: NO_MENTIONS,
    ...(config.apiUrl ? { rest: { api: config.apiUrl } } : {}),
  });
}
