/**
 * Discord sharding with discord.js's own ShardingManager: one process per shard, each running
 * the Discord bot for its share of the servers (Discord routes a server's events to shard
 * `(guild_id >> 22) % shard_count`). Every shard builds the same app on the same shared store
 * (Redis), so interviews, locks, budgets and dedupe hold across shards as across any processes.
 *
 * `auto` asks the configured REST API (`DISCORD_API_URL`, else Discord) for its recommended
 * count through `GET /gateway/bot` — discord.js's own `auto` always asks discord.com, which
 * would bypass a REST proxy.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type APIGatewayBotInfo, REST, Routes, ShardingManager } from 'discord.js';
import type { DiscordConfig } from './client.ts';

/** The shard process: the Discord bot alone (sharding.ts starts one per shard). */
export const SHARD_ENTRY = fileURLToPath(new URL('./shard-entry.ts', import.meta.url));

export async function shardCount(config: DiscordConfig): Promise<number> {
  if (typeof config.shards === 'number') return config.shards;
  const rest = new REST({ ...(config.apiUrl ? { api: config.apiUrl } : {}) }).setToken(
    config.token,
  );
  const info = (await rest.get(Routes.gatewayBot())) as APIGatewayBotInfo;
  return Math.max(1, info.shards);
}

/** The manager; `spawn()` starts the shards (each loads TypeScript through tsx, like npm start). */
export function createShardManager(config: DiscordConfig, totalShards: number): ShardingManager {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return new ShardingManager(SHARD_ENTRY, {
    token: config.token,
    totalShards,
    mode: 'process',
    respawn: true,
    execArgv: ['--import', tsx],
  });
}
