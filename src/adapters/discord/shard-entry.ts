/**
 * One Discord shard (started by `npm run start:sharded` through discord.js's ShardingManager,
 * which sets SHARDS / SHARD_COUNT; the discord.js client reads them and identifies as that
 * shard). Runs the Discord bot alone, on the shared store; Slack runs in its own processes.
 */
import { createApp, warmUpScorer } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { loadEnvironment } from '../../env-file.ts';
import { createLogger } from '../../logger.ts';
import { formatFatal } from '../../setup-error.ts';
import { startDiscordBot } from './index.ts';

async function runShard(): Promise<void> {
  const { env } = loadEnvironment();
  Object.assign(process.env, env);
  const config = loadConfig(process.env);
  if (!config.discord) throw new Error('a Discord shard needs DISCORD_TOKEN');
  // Which shard, and which process: a shard that died is respawned as another process.
  const logger = createLogger({ level: config.logLevel }).child({
    shard: process.env.SHARDS,
    pid: process.pid,
  });
  // The manager may stop a shard while it is still starting (e.g. SIGTERM right after its
  // gateway session is ready): remember the request and stop once start-up is over, rather
  // than dying mid-start with the connection cut.
  let stop: (() => Promise<void>) | null = null;
  let stopRequested = false;
  const onSignal = () => {
    stopRequested = true;
    void stop?.();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);

  const app = await createApp(config, { logger });
  const bot = await startDiscordBot(app, config.discord, logger, {
    reminderSweepMs: config.reminderSweepMs,
  });
  // Connected: build the offline scorer's indexes before the first answer needs them.
  setImmediate(() => warmUpScorer(app, logger));
  let stopping = false;
  stop = async () => {
    if (stopping) return;
    stopping = true;
    await bot.stop();
    await app.close();
    process.exit(0);
  };
  if (stopRequested) await stop();
}

runShard().catch((error: unknown) => {
  process.stderr.write(formatFatal(error, process.env.LOG_LEVEL));
  process.exit(1);
});
