/**
 * When to retry a failed LLM request, and how long to wait first. The SDK's own retries are off
 * (`maxRetries: 0`) because it sleeps as long as any `retry-after` says; here a 429's
 * `retry-after-ms` / `retry-after` is honoured only up to a cap, and 5xx, timeouts and
 * connection errors back off exponentially with jitter.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The longest wait honoured, from a retry-after header or from backoff. */
  maxRetryAfterMs: number;
  /** First backoff step; doubles on each retry. */
  baseDelayMs: number;
  /** Injectable for tests. */
  random: () => number;
  now: () => number;
}

export type RetryDecision =
  | { retry: true; waitMs: number; reason: string }
  | { retry: false; reason: string };

/** The wait a response asks for, in ms, from `retry-after-ms` or `retry-after` (seconds or date). */
export function retryAfterFromHeaders(headers: Headers | undefined, now: number): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms !== null && ms.trim() !== '') {
    const value = Number.parseFloat(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const after = headers.get('retry-after');
  if (after !== null && after.trim() !== '') {
    const seconds = Number.parseFloat(after);
    if (Number.isFinite(seconds) && /^\s*[\d.]+\s*$/.test(after))
      return Math.max(0, seconds * 1000);
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  return null;
}

/** Exponential backoff with "equal jitter": half the step fixed, half random; capped. */
export function backoffMs(retryIndex: number, policy: RetryPolicy): number {
  const step = Math.min(policy.maxRetryAfterMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.round(step / 2 + (policy.random() * step) / 2);
}

/**
 * What to do after a request threw. `retryIndex` counts retries already made (0 before the
 * first retry); the caller checks that retries remain.
 */
export function decideAfterError(
  error: unknown,
  retryIndex: number,
  policy: RetryPolicy,
): RetryDecision {
  if (error instanceof APIConnectionTimeoutError) {
    return { retry: true, waitMs: backoffMs(retryIndex, policy), reason: 'request timed out' };
  }
  if (error instanceof APIConnectionError) {
    return { retry: true, waitMs: backoffMs(retryIndex, policy), reason: 'connection failed' };
  }
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    if (status === 429) {
      // OpenAI answers 429 also when the account is out of credit: waiting does not help.
      if (error.code === 'insufficient_quota') {
        return {
          retry: false,
          reason: 'the LLM account has no quota left (429 insufficient_quota)',
        };
      }
      const asked = retryAfterFromHeaders(error.headers, policy.now());
      if (asked === null) {
        return { retry: true, waitMs: backoffMs(retryIndex, policy), reason: 'rate limited (429)' };
      }
      if (asked > policy.maxRetryAfterMs) {
        return {
          retry: false,
          reason: `rate limited (429): retry-after ${Math.ceil(asked / 1000)}s exceeds the ${Math.ceil(policy.maxRetryAfterMs / 1000)}s cap`,
        };
      }
      return { retry: true, waitMs: asked, reason: 'rate limited (429)' };
    }
    if (status === 408 || status === 409 || status >= 500) {
      return {
        retry: true,
        waitMs: backoffMs(retryIndex, policy),
        reason: `server error (${status})`,
      };
    }
    return { retry: false, reason: `request rejected (${status}): ${shortMessage(error.message)}` };
  }
  // Anything else (a broken body, a stream cut off mid-way) is most likely transient.
  const message = error instanceof Error ? error.message : String(error);
  return {
    retry: true,
    waitMs: backoffMs(retryIndex, policy),
    reason: `unexpected error: ${shortMessage(message)}`,
  };
}

function shortMessage(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}
