/**
 * `npm start`. With no platform tokens: an interview in the terminal (the embedded default).
 * With DISCORD_TOKEN: the Discord bot; with Slack tokens: the Slack app; both if both.
 */
import { runTerminal } from './adapters/terminal/index.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { loadEnvironment } from './env-file.ts';
import { createLogger } from './logger.ts';
import { exitCodeOf, formatFatal } from './setup-error.ts';

interface Running {
  name: string;
  stop(): Promise<void>;
}

async function runBots(config: ReturnType<typeof loadConfig>): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  const app = await createApp(config, { logger });
  logger.info({ ...app.describe }, 'ml-interviewer starting');
  const running: Running[] = [];
  try {
    if (config.discord) {
      const { startDiscordBot } = await import('./adapters/discord/index.ts');
      running.push({
        name: 'discord',
        ...(await startDiscordBot(app, config.discord, logger, {
          connectTimeoutMs: config.connectTimeoutMs,
          reminderSweepMs: config.reminderSweepMs,
        })),
      });
    }
    if (config.slack) {
      const { startSlackApp } = await import('./adapters/slack/index.ts');
      running.push({
        name: 'slack',
        ...(await startSlackApp(app, config.slack, logger, {
          connectTimeoutMs: config.connectTimeoutMs,
          reminderSweepMs: config.reminderSweepMs,
        })),
      });
    }
  } catch (error) {
    // One platform failed to start: close what is open so the process can end with the error.
    await Promise.allSettled(running.map((r) => r.stop()));
    await app.close();
    throw error;
  }

  // Graceful shutdown: stop taking events, let in-flight turns finish, close the store.
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await Promise.allSettled(running.map((r) => r.stop()));
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

/** For the error report: the stack is printed only with LOG_LEVEL=debug (from .env too). */
let logLevel = process.env.LOG_LEVEL;

async function main(): Promise<number | undefined> {
  // `.env` first; the values it adds are seen by every module, as with `node --env-file`.
  const { env } = loadEnvironment();
  Object.assign(process.env, env);
  logLevel = env.LOG_LEVEL;
  const config = loadConfig(env);
  if (config.discord || config.slack) {
    await runBots(config);
    return undefined; // keep running
  }
  const io = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env,
  };
  const logger = createLogger({ level: config.logLevel, toStderr: true });
  return runTerminal(config, io, logger, {
    lang: config.defaultLang,
    resume: false,
    offerResume: Boolean(process.stdin.isTTY),
    resumeHint: 'npm start (or npm run cli -- chat --resume)',
  });
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(formatFatal(error, logLevel));
    // Exit now: a client that failed to start (e.g. Slack's retrying Web API client) may
    // still hold timers that would keep the process alive after the message.
    process.exit(exitCodeOf(error));
  },
);
