/**
 * `npm start`. With no platform tokens: an interview in the terminal (the embedded default).
 * With DISCORD_TOKEN: the Discord bot; with Slack tokens: the Slack app; both if both.
 */
import { runTerminal } from './adapters/terminal/index.ts';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { KnowledgeError } from './knowledge/loader.ts';
import { createLogger } from './logger.ts';

interface Running {
  name: string;
  stop(): Promise<void>;
}

async function runBots(config: ReturnType<typeof loadConfig>): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  const app = await createApp(config, { logger });
  logger.info({ ...app.describe }, 'ml-interviewer starting');
  const running: Running[] = [];
  if (config.discord) {
    const { startDiscordBot } = await import('./adapters/discord/index.ts');
    running.push({ name: 'discord', ...(await startDiscordBot(app, config.discord, logger)) });
  }
  if (config.slack) {
    const { startSlackApp } = await import('./adapters/slack/index.ts');
    running.push({ name: 'slack', ...(await startSlackApp(app, config.slack, logger)) });
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

async function main(): Promise<number | undefined> {
  const config = loadConfig();
  if (config.discord || config.slack) {
    await runBots(config);
    return undefined; // keep running
  }
  const io = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
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
    if (error instanceof ConfigError || error instanceof KnowledgeError) {
      process.stderr.write(`${error.message}\n`);
    } else {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exitCode = 1;
  },
);
