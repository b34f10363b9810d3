/** Why the Slack app could not start, as one line naming the setting and the fix. */
import { SetupError, reasonOf } from '../../setup-error.ts';
import {
  networkCode,
  type PlatformEndpoint,
  startFailedError,
  unreachableError,
} from '../kit/startup.ts';
import type { SlackConfig } from './transport.ts';

/** The Web API error code Bolt and the WebClient carry (`invalid_auth`, `not_authed`, …). */
function platformCode(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const data = (current as { data?: { error?: unknown } }).data;
    if (typeof data?.error === 'string') return data.error;
    current =
      (current as { original?: unknown; cause?: unknown }).original ??
      (current as { cause?: unknown }).cause;
  }
  const match = /\b(invalid_auth|not_authed|account_inactive|token_revoked|token_expired)\b/.exec(
    error instanceof Error ? error.message : String(error),
  );
  return match?.[1] ?? null;
}

export function slackEndpoint(config: SlackConfig): PlatformEndpoint {
  return {
    name: 'Slack',
    host: 'slack.com',
    apiUrlSetting: 'SLACK_API_URL',
    apiUrl: config.apiUrl,
    tokenSetting: 'SLACK_BOT_TOKEN',
  };
}

export function slackStartError(
  error: unknown,
  config: SlackConfig,
  mode: 'http' | 'socket',
): SetupError {
  const code = platformCode(error);
  if (code && /auth|token|inactive/.test(code)) {
    // auth.test checks the bot token first; apps.connections.open the app token after it.
    const appToken = mode === 'socket' && /app|connections/i.test(reasonOf(error));
    return new SetupError({
      setting: appToken ? 'SLACK_APP_TOKEN' : 'SLACK_BOT_TOKEN',
      problem: `Slack rejected the ${appToken ? 'app-level' : 'bot'} token (${code})`,
      fix: appToken
        ? 'copy the app-level token (xapp-…, scope connections:write) again: Basic Information → App-Level Tokens'
        : 'copy the Bot User OAuth Token (xoxb-…) again: OAuth & Permissions, and reinstall the app if it was revoked',
      cause: error,
    });
  }
  const network = networkCode(error);
  if (network === 'EADDRINUSE' || network === 'EACCES') {
    return new SetupError({
      setting: 'PORT',
      problem: `cannot listen on port ${config.port} (${network === 'EADDRINUSE' ? 'already in use' : 'permission denied'})`,
      fix: 'set PORT to a free port (above 1023), or stop the program using it',
      cause: error,
    });
  }
  if (network) return unreachableError(slackEndpoint(config), network, error);
  return startFailedError(slackEndpoint(config), 'app', 'the Slack tokens', error);
}
