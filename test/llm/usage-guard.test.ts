import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/engine/ports.ts';
import { WindowUsageGuard } from '../../src/llm/usage-guard.ts';
import { createMemoryKeyv } from '../../src/store/backends/memory.ts';
import { KeyvKeyValue, RedisKeyValue } from '../../src/store/key-value.ts';

const usage = (tokens: number) => ({
  requests: 1,
  promptTokens: tokens - 10,
  completionTokens: 10,
  cachedTokens: 0,
});

// 2030-01-01T22:00:00Z: two hours before midnight UTC.
const LATE_EVENING = Date.UTC(2030, 0, 1, 22, 0, 0);

function fakeClock(start: number) {
  const clock = { t: start, now: () => clock.t };
  return clock satisfies Clock;
}

describe('WindowUsageGuard (in memory)', () => {
  it('refuses the turn over the per-minute limit with the wait, then admits after the window', async () => {
    const clock = fakeClock(LATE_EVENING);
    const counters = new KeyvKeyValue(createMemoryKeyv('t'), clock.now);
    const guard = new WindowUsageGuard(counters, { turnsPerMinute: 3, dailyTokens: 10_000 }, clock);
    for (let i = 0; i < 3; i++) expect(await guard.admit('terminal:ana')).toEqual({ ok: true });
    clock.t += 20_000;
    expect(await guard.admit('terminal:ana')).toEqual({
      ok: false,
      code: 'rate-limited',
      retryAfterMs: 40_000,
    });
    // Another candidate is not affected.
    expect(await guard.admit('terminal:bo')).toEqual({ ok: true });
    clock.t += 40_000;
    expect(await guard.admit('terminal:ana')).toEqual({ ok: true });
  });

  it('refuses turns once the daily token budget is spent, until midnight UTC', async () => {
    const clock = fakeClock(LATE_EVENING);
    const counters = new KeyvKeyValue(createMemoryKeyv('t'), clock.now);
    const guard = new WindowUsageGuard(
      counters,
      { turnsPerMinute: 100, dailyTokens: 1_500 },
      clock,
    );
    await guard.record('discord:1', usage(1_000));
    expect(await guard.admit('discord:1')).toEqual({ ok: true });
    await guard.record('discord:1', usage(600));
    expect(await guard.admit('discord:1')).toEqual({
      ok: false,
      code: 'budget-exhausted',
      retryAfterMs: 2 * 3_600_000,
    });
    clock.t += 2 * 3_600_000;
    expect(await guard.admit('discord:1')).toEqual({ ok: true });
  });

  it('ignores usage without tokens', async () => {
    const counters = new KeyvKeyValue(createMemoryKeyv('t'));
    const guard = new WindowUsageGuard(counters, { turnsPerMinute: 5, dailyTokens: 1 });
    await guard.record('x', { requests: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0 });
    expect(await guard.admit('x')).toEqual({ ok: true });
  });
});

describe.skipIf(!process.env.REDIS_URL)('WindowUsageGuard on Redis (needs REDIS_URL)', () => {
  const namespace = `test-guard-${process.pid}-${Date.now()}`;
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(process.env.REDIS_URL!);
  });
  afterAll(async () => {
    const keys = await redis.keys(`${namespace}::*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  it('counts turns and tokens across two guards sharing Redis (two processes)', async () => {
    const limits = { turnsPerMinute: 4, dailyTokens: 1_000 };
    const a = new WindowUsageGuard(new RedisKeyValue(redis, namespace), limits);
    const other = new Redis(process.env.REDIS_URL!);
    try {
      const b = new WindowUsageGuard(new RedisKeyValue(other, namespace), limits);
      for (const guard of [a, b, a, b])
        expect(await guard.admit('slack:T1:U1')).toEqual({ ok: true });
      const refused = await a.admit('slack:T1:U1');
      expect(refused.ok).toBe(false);
      if (refused.ok) return;
      expect(refused.code).toBe('rate-limited');
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);

      await a.record('slack:T1:U2', usage(600));
      await b.record('slack:T1:U2', usage(600));
      const broke = await a.admit('slack:T1:U2');
      expect(broke).toMatchObject({ ok: false, code: 'budget-exhausted' });
    } finally {
      await other.quit();
    }
  });
});
