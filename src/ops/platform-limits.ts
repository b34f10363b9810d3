/**
 * Time limits and retries for every Slack Web API and Discord REST call (PLATFORM_TIMEOUT_MS,
 * PLATFORM_MAX_RETRIES). Without them Slack's WebClient retries a failing call for about half
 * an hour and a turn's reply waits with it.
 */
import type { Config } from '../config.ts';

export function slackClientOptions(platform: Config['platform']) {
  return { timeout: platform.timeoutMs, retryConfig: { retries: platform.maxRetries } };
}

export function discordRestLimits(platform: Config['platform']) {
  return { timeoutMs: platform.timeoutMs, retries: platform.maxRetries };
}
