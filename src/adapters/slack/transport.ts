/**
 * HTTP mode or Socket Mode, from the configuration. Pure, so the choice is unit-tested.
 *
 * - `SLACK_APP_TOKEN` set: Socket Mode. The app opens a WebSocket to Slack; no public URL is
 *   needed (good behind a firewall, on a laptop). The signing secret is then not used.
 * - otherwise `SLACK_SIGNING_SECRET`: HTTP mode on `PORT` (path `/slack/events` for events,
 *   slash commands and interactivity); every request's signature is verified.
 */
import type { AppOptions, InstallationStore } from '@slack/bolt';
import type { Config } from '../../config.ts';

export type SlackConfig = NonNullable<Config['slack']>;

export type SlackTransport =
  | { mode: 'socket'; appToken: string }
  | { mode: 'http'; signingSecret: string; port: number };

export class SlackConfigError extends Error {
  override name = 'SlackConfigError';
}

export function selectTransport(config: SlackConfig): SlackTransport {
  if (config.appToken) return { mode: 'socket', appToken: config.appToken };
  if (config.signingSecret) {
    return { mode: 'http', signingSecret: config.signingSecret, port: config.port };
  }
  throw new SlackConfigError(
    'Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)',
  );
}

/** The endpoint Slack posts to in HTTP mode (the manifest's request URLs end with it). */
export const EVENTS_PATH = '/slack/events';
/** OAuth mode: where an admin starts the install, and where Slack sends them back. */
export const INSTALL_PATH = '/slack/install';
export const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

export interface BoltOptionsInput {
  config: SlackConfig;
  transport: SlackTransport;
  logger: NonNullable<AppOptions['logger']>;
  /** Extra WebClient options (tests turn retries off). `slackApiUrl` comes from config. */
  clientOptions?: AppOptions['clientOptions'];
  /** HTTP mode: more routes on the same server, e.g. /healthz, /readyz, /metrics. */
  customRoutes?: AppOptions['customRoutes'];
  /** OAuth mode: where installations (each workspace's bot token) are kept. */
  installationStore?: InstallationStore;
}

export function boltOptions({
  config,
  transport,
  logger,
  clientOptions,
  customRoutes,
  installationStore,
}: BoltOptionsInput): AppOptions {
  const webClientOptions = {
    ...clientOptions,
    ...(config.apiUrl ? { slackApiUrl: withTrailingSlash(config.apiUrl) } : {}),
  };
  const common: AppOptions = {
    ...authOptions(config, installationStore, webClientOptions),
    logger,
    // auth.test runs in `init()`, so a bad token fails start-up with a clear error.
    deferInitialization: true,
    // Bolt's conversation store is unused here (the engine keeps all state).
    convoStore: false,
    clientOptions: webClientOptions,
  };
  if (transport.mode === 'socket') {
    return { ...common, socketMode: true, appToken: transport.appToken };
  }
  return {
    ...common,
    signingSecret: transport.signingSecret,
    endpoints: EVENTS_PATH,
    ...(customRoutes ? { customRoutes } : {}),
    // Answer Slack (ack) first, then do the slow work: Slack wants a response within 3 s.
    processBeforeResponse: false,
  };
}

/** The WebClient appends method names to the base URL, so it must end with a slash. */
export function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * One workspace: its bot token. Many workspaces: Bolt's OAuth install flow; each event is then
 * authorised with the token its workspace's installation holds (fetched from the store).
 */
function authOptions(
  config: SlackConfig,
  installationStore: InstallationStore | undefined,
  clientOptions: AppOptions['clientOptions'],
): Partial<AppOptions> {
  const oauth = config.oauth;
  if (!oauth) return { token: config.botToken };
  if (!installationStore) throw new SlackConfigError('OAuth mode needs an installation store');
  return {
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    scopes: oauth.scopes,
    installationStore,
    ...(oauth.redirectUri ? { redirectUri: oauth.redirectUri } : {}),
    installerOptions: {
      // /slack/install sends the admin straight to Slack's consent page.
      directInstall: true,
      installPath: INSTALL_PATH,
      redirectUriPath: OAUTH_REDIRECT_PATH,
      // oauth.v2.access and the auth.test after it go to the same Web API as everything else.
      clientOptions,
    },
  };
}
