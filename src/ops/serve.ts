/**
 * Where the ops endpoints are served: on HEALTH_PORT when it is set (any mode, the terminal
 * too); otherwise, in the bot modes, on PORT — as extra routes of Slack's HTTP server when Slack
 * runs in HTTP mode (one port to open), else on a small server of their own.
 */
import type { Config } from '../config.ts';
import type { EngineLogger } from '../engine/ports.ts';
import { SetupError } from '../setup-error.ts';
import { type OpsEndpoints, type OpsServer, opsRoutes, startOpsServer } from './http.ts';

export interface ServedOps {
  server: OpsServer | null;
  /** Routes to mount on Slack's HTTP server, when that is where they are served. */
  slackRoutes: ReturnType<typeof opsRoutes> | undefined;
}

/**
 * HEALTH_PORT asked for explicitly: a port that cannot be had stops start-up with a clear
 * error. PORT taken by default (a Discord bot beside another service on 3000): the bot runs
 * without the endpoints, with a warning, as it did before they existed.
 */
export async function serveOps(
  endpoints: OpsEndpoints,
  config: Pick<Config, 'ops' | 'slack' | 'discord'>,
  logger?: EngineLogger,
): Promise<ServedOps> {
  const { healthPort, port } = config.ops;
  if (healthPort !== undefined) {
    try {
      return { server: await startOpsServer(endpoints, healthPort), slackRoutes: undefined };
    } catch (error) {
      throw new SetupError({
        setting: 'HEALTH_PORT',
        problem: `cannot listen on port ${healthPort} for /healthz, /readyz, /metrics (${(error as { code?: string }).code ?? String(error)})`,
        fix: 'choose a free port in HEALTH_PORT, or unset it',
        cause: error,
      });
    }
  }
  const bots = config.slack !== null || config.discord !== null;
  if (!bots) return { server: null, slackRoutes: undefined };
  const slackHttp = config.slack !== null && !config.slack.appToken;
  if (slackHttp) return { server: null, slackRoutes: opsRoutes(endpoints) };
  try {
    return { server: await startOpsServer(endpoints, port), slackRoutes: undefined };
  } catch (error) {
    logger?.warn(
      { err: error, port },
      'cannot serve /healthz, /readyz, /metrics on PORT; set HEALTH_PORT to a free port',
    );
    return { server: null, slackRoutes: undefined };
  }
}
