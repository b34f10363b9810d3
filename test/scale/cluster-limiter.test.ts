/**
 * The LLM rate limiter clustered through Redis keeps two processes TOGETHER under the
 * provider's window: the local OpenAI-compatible server enforces a sliding RPM window (429
 * beyond it) and records every request; two child processes, each with the app's LlmClient and
 * RequestLimiter, send as fast as their limiter allows.
 *
 * The limiters are configured at 80% of the server's limit, so scheduling jitter on a busy
 * machine cannot decide the outcome — while two separate (unclustered) limiters at 80% each
 * would send 160% of it. The control case shows exactly that, so the test can fail.
 * The benchmark (`npm run bench`) runs at 100% and reports what it gets.
 */
import { describe, expect, it } from 'vitest';
import { runLimiterBench } from '../../bench/limiter/index.ts';
import { redisUrl } from '../store/redis-helpers.ts';

// 400 RPM scaled down: 20 requests per 3-second window, two windows.
const RUN = { allowedRpm: 400, windowMs: 3_000, durationMs: 6_000, limiterShare: 0.8, redisUrl };

describe.skipIf(!redisUrl)('LLM rate limiter shared by two processes (needs REDIS_URL)', () => {
  it('keeps both processes together within the window: no 429, never more than allowed', {
    timeout: 90_000,
  }, async () => {
    const result = await runLimiterBench({ ...RUN, processes: 2, cluster: true });
    expect(result.count_429).toBe(0);
    expect(result.max_in_window).toBeLessThanOrEqual(result.allowed_per_window);
    expect(result.failed).toBe(0);
    expect(result.accepted).toBeGreaterThan(0);
  });

  it('(control) two separate limiters overrun the same window', { timeout: 90_000 }, async () => {
    const result = await runLimiterBench({ ...RUN, processes: 2, cluster: false });
    expect(result.count_429).toBeGreaterThan(0);
  });
});
