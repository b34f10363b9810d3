/**
 * One `auth.test` with no retries before Bolt starts: a wrong token or an unreachable Slack
 * (no DNS, connection refused) is then reported at once, instead of after the Web API client's
 * own retries (about half an hour for network errors, cut short by CONNECT_TIMEOUT_MS).
 */
import { webApi } from '@slack/bolt';
import { type SlackConfig, withTrailingSlash } from './transport.ts';

export async function checkSlackReachable(config: SlackConfig, timeoutMs: number): Promise<void> {
  const client = new webApi.WebClient(config.botToken, {
    timeout: timeoutMs,
    retryConfig: { retries: 0 },
    logLevel: webApi.LogLevel.ERROR,
    ...(config.apiUrl ? { slackApiUrl: withTrailingSlash(config.apiUrl) } : {}),
  });
  await client.auth.test();
}
