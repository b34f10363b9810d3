/**
 * `npm start`. With no platform tokens: an interview in the terminal (the embedded default).
 * With DISCORD_TOKEN: the Discord bot; with Slack tokens: the Slack app; both if both.
 */
import { PLATFORMS } from './adapters/registry.ts';
import { runTerminal } from './adapters/terminal/index.ts';
import { createApp, warmUpScorer } from './app.ts';
import { loadConfig } from './config.ts';
import { loadEnvironment } from './env-file.ts';
import { createLogger } from './logger.ts';
import { type ServedOps, serveOps } from './ops/serve.ts';
import { type Closable, exitOnSignals } from './ops/shutdown.ts';
import { exitCodeOf, formatFatal } from './setup-error.ts';

async function runBots(config: ReturnType<typeof loadConfig>): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  const app = await createApp(config, { logger, processMetrics: true });
  logger.info({ ...app.describe }, 'ml-interviewer starting');
  const running: Closable[] = [];
  let ops: ServedOps = { server: null, slackRoutes: undefined };
  const connections = (): Closable[] => [
    { name: 'store and LLM', stop: () => app.close() },
    ...(ops.server ? [{ name: 'ops server', stop: ops.server.close }] : []),
  ];
  try {
    ops = await serveOps(app.ops, config, logger);
    if (ops.server) logger.info({ port: ops.server.port }, 'health and metrics listening');
    for (const platform of PLATFORMS) {
      const started = await platform.start(app, config, logger, { slackRoutes: ops.slackRoutes });
      if (started) running.push({ name: platform.name, stop: () => started.stop() });
    }
    // Connected: build the offline scorer's indexes now, so the first answer is not the one that
    // waits a second for them (nobody has answered yet).
    setImmediate(() => warmUpScorer(app, logger));
  } catch (error) {
    // One platform failed to start: close what is open so the process can end with the error.
    await Promise.allSettled([...running, ...connections()].map((r) => r.stop()));
    throw error;
  }

  // SIGTERM/SIGINT: stop taking turns, finish or cut those in flight within the deadline
  // (the cut ones are asked to resend), then close the platforms and connections and exit.
  exitOnSignals(() => ({
    gate: app.ops.gate,
    deadlineMs: config.ops.shutdownTimeoutMs,
    adapters: running,
    connections: connections(),
    logger,
  }));
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
