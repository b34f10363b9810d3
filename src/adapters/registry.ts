/**
 * The chat platforms `npm start` can run, in one list: adding a platform is its folder under
 * src/adapters/ plus one line here (docs/adapters.md). Each entry loads its folder only when
 * configured, so a platform's SDK is never imported by a process that does not use it.
 */
import type { App } from '../app.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { discordRestLimits, slackClientOptions } from '../ops/platform-limits.ts';
import type { ServedOps } from '../ops/serve.ts';

export interface RunningPlatform {
  /** Stop taking events, let the turns in flight finish. Does not close the app. */
  stop(): Promise<void>;
}

export interface Platform {
  name: string;
  /**
   * Starts the platform if the configuration turns it on; null when it does not. `ops`: the
   * health and metrics routes, for a platform that serves HTTP itself (Slack's HTTP mode).
   */
  start(
    app: App,
    config: Config,
    logger: Logger,
    ops?: Pick<ServedOps, 'slackRoutes'>,
  ): Promise<RunningPlatform | null>;
}

export const PLATFORMS: readonly Platform[] = [
  {
    name: 'discord',
    start: async (app, config, logger) =>
      config.discord
        ? (await import('./discord/index.ts')).startDiscordBot(app, config.discord, logger, {
            rest: discordRestLimits(config.platform),
            reminderSweepMs: config.reminderSweepMs,
          })
        : null,
  },
  {
    name: 'slack',
    start: async (app, config, logger, ops) =>
      config.slack
        ? (await import('./slack/index.ts')).startSlackApp(app, config.slack, logger, {
            clientOptions: slackClientOptions(config.platform),
            customRoutes: ops?.slackRoutes,
            reminderSweepMs: config.reminderSweepMs,
          })
        : null,
  },
];
