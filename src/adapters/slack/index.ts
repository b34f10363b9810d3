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
import { BackgroundWork } from './background.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackDeps } from './interviews.ts';
import { registerAppHome } from './listeners/app-home.ts';
import { registerButtons } from './listeners/buttons.ts';
import { registerSlashCommand } from './listeners/slash-command.ts';
import { registerStartModal } from './listeners/start-modal.ts';
import { registerThreadMessages } from './listeners/thread-messages.ts';
import { RecentIds } from './recent-ids.ts';
import { labelsFrom } from './render/labels.ts';
import { boltOptions, type SlackConfig, selectTransport } from './transport.ts';

export type { SlackConfig } from './transport.ts';

export interface SlackStartOptions {
  /** Extra WebClient options, e.g. `{ retryConfig: { retries: 0 } }` in tests. */
  clientOptions?: AppOptions['clientOptions'];
  /** HTTP mode: the interface to listen on (default: all). */
  host?: string;
}

export interface RunningSlackApp {
  mode: 'http' | 'socket';
  /** HTTP mode: the port listened on (useful with PORT=0); null in Socket Mode. */
  port: number | null;
  /** Resolves once no event is being processed. */
  idle(): Promise<void>;
  /** Stop taking events, let the turns in flight finish. Does not close `app`. */
  stop(): Promise<void>;
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
    }),
  );
  bolt.error(async (error) => {
    log.error({ err: error }, 'slack listener failed');
  });

  const work = new BackgroundWork((error) =>
    log.error({ err: error }, 'slack event handling failed'),
  );
  const deps: SlackDeps = { app, labels: labelsFrom(app.knowledge.framework), logger: log };
  registerSlashCommand(bolt, deps, work);
  registerThreadMessages(bolt, deps, work, new RecentIds());
  registerButtons(bolt, deps, work);
  registerStartModal(bolt, deps, work);
  registerAppHome(bolt, deps, work);

  // Checks the bot token (auth.test) and learns the bot's user id, before taking any event.
  await bolt.init();

  let port: number | null = null;
  if (transport.mode === 'http') {
    const server = (await bolt.start({ port: transport.port, host: options.host })) as Server;
    port = (server.address() as AddressInfo).port;
    log.info({ port, mode: 'http' }, 'slack app listening');
  } else {
    await bolt.start();
    log.info({ mode: 'socket' }, 'slack app connected (Socket Mode)');
  }

  let stopped = false;
  return {
    mode: transport.mode,
    port,
    idle: () => work.idle(),
    async stop() {
      if (stopped) return;
      stopped = true;
      await bolt.stop();
      await work.close();
      log.info('slack app stopped');
    },
  };
}
