/**
 * `npm run start:sharded`: the Discord bot as several shards, one process each, through
 * discord.js's ShardingManager (src/adapters/discord/sharding.ts). The processes share the
 * store in REDIS_URL, so an interview does not care which shard serves it. SIGTERM / SIGINT
 * stop every shard the way `npm start` stops (turns in flight finish), then this process exits.
 */
import { createShardManager, shardCount } from './adapters/discord/sharding.ts';
import { loadConfig } from './config.ts';
import { loadEnvironment } from './env-file.ts';
import { createLogger } from './logger.ts';
import { exitCodeOf, formatFatal, SetupError } from './setup-error.ts';

/** Set once a signal asked to stop: a spawn cut short by it is not an error. */
let stopping = false;

async function main(): Promise<void> {
  const { env } = loadEnvironment();
  Object.assign(process.env, env);
  const config = loadConfig(process.env);
  if (!config.discord) {
    throw new SetupError({
      setting: 'DISCORD_TOKEN',
      problem: 'not set; sharding is for the Discord bot',
      fix: 'set DISCORD_TOKEN, or use npm start',
    });
  }
  if (!config.store.redisUrl) {
    throw new SetupError({
      setting: 'REDIS_URL',
      problem: 'not set; shards are separate processes and must share one store',
      fix: 'set REDIS_URL (README "Discord sharding"), or run one process with npm start',
    });
  }
  const logger = createLogger({ level: config.logLevel });
  const total = await shardCount(config.discord);
  const manager = createShardManager(config.discord, total);
  manager.on('shardCreate', (shard) =>
    logger.info({ shard: shard.id, of: total }, 'shard started'),
  );

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping every shard');
    manager.respawn = false;
    await Promise.all(
      [...manager.shards.values()].map(async (shard) => {
        const child = shard.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }),
    );
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await manager.spawn({
    delay: config.discord.shardSpawnDelayMs,
    timeout: config.connectTimeoutMs,
  });
  logger.info({ shards: total }, 'every shard is connected');
}

main().catch((error: unknown) => {
  if (stopping) return;
  process.stderr.write(formatFatal(error, process.env.LOG_LEVEL));
  process.exit(exitCodeOf(error));
});
