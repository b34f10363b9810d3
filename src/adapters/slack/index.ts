/**
 * The Slack app (@slack/bolt): `startSlackApp(app, config.slack, logger)`.
 *
 * Interviews run in threads: `/interview start ...` posts a start message in the channel and
 * the interview continues in its thread (session id `slack:<team>:<channel>:<thread_ts>`).
 * Every listener acknowledges Slack first and does the slow work (engine turn, posts) after.
 * HTTP mode (signing secret, every request verified) or Socket Mode (app token): see
 * transport.ts.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App as BoltApp, type AppOptions } from '@slack/bolt';
import type { App } from '../../app.ts';
import type { Logger } from '../../logger.ts';
import { InFlight } from '../kit/in-flight.ts';
import { PressGuard } from '../kit/press-guard.ts';
import type { RunningAdapter } from '../kit/running.ts';
import { connectTimeoutError, connectWithin } from '../kit/startup.ts';
import { StoredInstallations } from './installations.ts';
import { EventClaims } from './event-claims.ts';
import { boltLogger } from './bolt-logger.ts';
import { DOWNLOAD_TIMEOUT_MS } from '../kit/attachments.ts';
import type { SlackDeps } from './interviews.ts';
import { registerAppHome } from './listeners/app-home.ts';
import { registerButtons } from './listeners/buttons.ts';
import { registerSlashCommand } from './listeners/slash-command.ts';
import { registerStartModal } from './listeners/start-modal.ts';
import { registerThreadMessages } from './listeners/thread-messages.ts';
import { checkSlackReachable } from './preflight.ts';
import { slackEndpoint, slackStartError } from './start-errors.ts';
import { boltOptions, type SlackConfig, selectTransport } from './transport.ts';
import { startReminderLoop } from '../../practice/reminder-loop.ts';
import { slackReminders } from './reminders.ts';

export type { SlackConfig } from './transport.ts';

export interface SlackStartOptions {
  /** Extra WebClient options, e.g. `{ retryConfig: { retries: 0 } }` in tests. */
  clientOptions?: AppOptions['clientOptions'];
  /** HTTP mode: the interface to listen on (default: all). */
  host?: string;
  /** HTTP mode: more routes on Bolt's server (the ops endpoints). */
  customRoutes?: AppOptions['customRoutes'];
  /** How often due practice reminders are sent (absent or 0: never). */
  reminderSweepMs?: number;
}

export interface RunningSlackApp extends RunningAdapter {
  mode: 'http' | 'socket';
  /** HTTP mode: the port listened on (useful with PORT=0); null in Socket Mode. */
  port: number | null;
}

export async function startSlackApp(
  app: App,
  config: SlackConfig,
  logger: Logger,
  options: SlackStartOptions = {},
): Promise<RunningSlackApp> {
  const transport = selectTransport(config);
  const log = logger.child({ component: 'slack' });
  const bolt = new BoltApp(
    boltOptions({
      config,
      transport,
      logger: boltLogger(logger),
      clientOptions: options.clientOptions,
      customRoutes: options.customRoutes,
      installationStore: config.oauth ? new StoredInstallations(app.records) : undefined,
    }),
  );
  bolt.error(async (error) => {
    log.error({ err: error }, 'slack listener failed');
  });

  const work = new InFlight((error) => log.error({ err: error }, 'slack event handling failed'));
  const deps: SlackDeps = { app, logger: log };
  registerSlashCommand(bolt, deps, work);
  registerThreadMessages(
    bolt,
    deps,
    work,
    new EventClaims(app.claimOnce),
    options.clientOptions?.timeout ?? DOWNLOAD_TIMEOUT_MS,
  );
  registerButtons(bolt, deps, work, new PressGuard(app.engine));
  registerStartModal(bolt, deps, work);
  registerAppHome(bolt, deps, work);

  // Bounded: Slack's client retries an unreachable API for about half an hour.
  const port = await connectWithin({
    // How long start-up may take (auth.test, then the socket or the port): CONNECT_TIMEOUT_MS.
    timeoutMs: config.connectTimeoutMs,
    connect: async () => {
      // One workspace: its token is checked now. OAuth: tokens arrive with installations.
      if (!config.oauth) {
        await checkSlackReachable(config, config.connectTimeoutMs);
      }
      // Token mode: checks the bot token (auth.test) and learns the bot's user id.
      await bolt.init();
      if (transport.mode === 'http') {
        const server = (await bolt.start({ port: transport.port, host: options.host })) as Server;
        const listening = (server.address() as AddressInfo).port;
        log.info({ port: listening, mode: 'http' }, 'slack app listening');
        return listening;
      }
      await bolt.start();
      log.info({ mode: 'socket' }, 'slack app connected (Socket Mode)');
      return null;
    },
    abandon: async () => {
      await bolt.stop();
    },
    explain: (error) => slackStartError(error, config, transport.mode),
    onTimeout: (seconds) => connectTimeoutError(slackEndpoint(config), seconds, 'answer'),
  });

  const reminders = startReminderLoop(
    app.engine,
    slackReminders(bolt.client, null),
    options.reminderSweepMs ?? 0,
    log,
  );
  let stopped = false;
  return {
    mode: transport.mode,
    port,
    idle: () => work.idle(),
    async stop() {
      if (stopped) return;
      stopped = true;
      reminders.stop();
      await bolt.stop();
      await work.drain();
      log.info('slack app stopped');
    },
  };
}
