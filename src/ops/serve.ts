/**
 * Where the ops endpoints are served: on HEALTH_PORT when it is set (any mode, the terminal
 * too); otherwise, in the bot modes, on PORT — as extra routes of Slack's HTTP server when Slack
 * runs in HTTP mode (one port to open), else on a small server of their own.
 */
import type { Config } from '../config.ts';
import { type OpsEndpoints, type OpsServer, opsRoutes, startOpsServer } from './http.ts';

export interface ServedOps {
  server: OpsServer | null;
  /** Routes to mount on Slack's HTTP server, when that is where they are served. */
  slackRoutes: ReturnType<typeof opsRoutes> | undefined;
}

export async function serveOps(
  endpoints: OpsEndpoints,
  config: Pick<Config, 'ops' | 'slack' | 'discord'>,
): Promise<ServedOps> {
  const { healthPort, port } = config.ops;
  if (healthPort !== undefined) {
    return { server: await startOpsServer(endpoints, healthPort), slackRoutes: undefined };
  }
  const bots = config.slack !== null || config.discord !== null;
  if (!bots) return { server: null, slackRoutes: undefined };
  const slackHttp = config.slack !== null && !config.slack.appToken;
  if (slackHttp) return { server: null, slackRoutes: opsRoutes(endpoints) };
  return { server: await startOpsServer(endpoints, port), slackRoutes: undefined };
}
