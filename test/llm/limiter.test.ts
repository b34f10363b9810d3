/**
 * The global limiter against the local server's sliding RPM/TPM window: the server answers 429
 * beyond its window, so "no 429" means the limiter kept under it. Windows are short so the file
 * stays fast; assertions are about outcomes, never durations.
 */
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LlmClient } from '../../src/llm/client.ts';
import { type LimiterSettings, limiterPlan, RequestLimiter } from '../../src/llm/limiter.ts';
import { type FakeOpenAIServer, reply, startFakeOpenAI } from '../fakes/openai-server.ts';

const Ok = z.strictObject({ ok: z.boolean() });

function clientFor(server: FakeOpenAIServer, limiter: RequestLimiter, maxRetries = 0) {
  return new LlmClient({
    apiKey: 'k',
    baseURL: server.url,
    model: 'm',
    timeoutMs: 5_000,
    maxRetries,
    maxRetryAfterMs: 1_000,
    limiter,
    sleep: async () => {},
  });
}

function call(client: LlmClient, i: number, maxCompletionTokens = 50) {
  return client.structured({
    purpose: 'limiter-test',
    schemaName: 'ok',
    schema: Ok,
    messages: [{ role: 'user', content: `request ${i}` }],
    temperature: 0,
    maxCompletionTokens,
  });
}

describe('limiterPlan', () => {
  it('spaces requests so that no window can hold more than the limit', () => {
    const plan = limiterPlan({
      requestsPerWindow: 500,
      tokensPerWindow: 200_000,
      windowMs: 60_000,
      maxConcurrent: 8,
    });
    expect(plan.minTime * 500).toBeGreaterThan(60_000);
    // Bucket plus every refill that can land in one window stays within the token budget.
    const refills = Math.floor(60_000 / plan.refillInterval) + 1;
    expect(plan.bucketSize + refills * plan.refillAmount).toBeLessThanOrEqual(200_000);
    // ... while keeping most of it.
    expect(plan.bucketSize + refills * plan.refillAmount).toBeGreaterThan(190_000);
  });

  it('clamps a job heavier than the token bucket instead of letting it wait forever', async () => {
    const server = await startFakeOpenAI();
    server.on({ schema: 'ok' }, reply.json({ ok: true }));
    const limiter = new RequestLimiter({
      requestsPerWindow: 100,
      tokensPerWindow: 1_000,
      windowMs: 1_000,
      maxConcurrent: 2,
    });
    try {
      // 5 000 completion tokens alone is far above the 100-token bucket.
      const result = await call(clientFor(server, limiter), 1, 5_000);
      expect(result.ok).toBe(true);
    } finally {
      await limiter.close();
      await server.close();
    }
  });
});

describe('RequestLimiter keeps under the server window (one process)', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanup.splice(0).map((close) => close()));
  });

  async function setUp(
    limits: { rpm?: number; tpm?: number; windowMs: number },
    settings: LimiterSettings,
  ) {
    const server = await startFakeOpenAI({ limits });
    server.on({ schema: 'ok' }, reply.json({ ok: true }));
    const limiter = new RequestLimiter(settings);
    cleanup.push(
      () => limiter.close(),
      () => server.close(),
    );
    return { server, client: clientFor(server, limiter) };
  }

  it('the window really binds: an unthrottled burst gets 429s', async () => {
    const { server, client } = await setUp(
      { rpm: 8, windowMs: 1_000 },
      {
        requestsPerWindow: 10_000,
        tokensPerWindow: 10_000_000,
        windowMs: 1_000,
        maxConcurrent: 20,
      },
    );
    await Promise.all(Array.from({ length: 16 }, (_, i) => call(client, i)));
    expect(server.requests.filter((r) => r.outcome === 'rate-limited').length).toBeGreaterThan(0);
  });

  it('with the same limits configured, 14 concurrent requests all pass without a 429', async () => {
    const { server, client } = await setUp(
      { rpm: 8, windowMs: 1_000 },
      { requestsPerWindow: 8, tokensPerWindow: 100_000, windowMs: 1_000, maxConcurrent: 4 },
    );
    const results = await Promise.all(Array.from({ length: 14 }, (_, i) => call(client, i)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.requests.map((r) => r.outcome)).toEqual(Array(14).fill('replied'));
  });

  it('keeps under a tokens-per-window limit too', async () => {
    const { server, client } = await setUp(
      { tpm: 2_000, windowMs: 1_000 },
      { requestsPerWindow: 1_000, tokensPerWindow: 2_000, windowMs: 1_000, maxConcurrent: 8 },
    );
    // ~110 tokens each by the server's count: the window admits about 18 per second.
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => call(client, i, 100)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.requests.filter((r) => r.outcome === 'rate-limited')).toEqual([]);
  });
});

describe.skipIf(!process.env.REDIS_URL)(
  'RequestLimiter clustered through Redis (needs REDIS_URL)',
  () => {
    const keyPrefix = `test-limiter-${process.pid}-${Date.now()}`;
    let redis: Redis;
    beforeAll(() => {
      redis = new Redis(process.env.REDIS_URL!);
    });
    afterAll(async () => {
      // Clean up through a connection of its own: the limiters' shared one has been through
      // Bottleneck's stop and our close, and once (a CI run; not reproduced in 9 local runs of this
      // file, and the connection stayed usable after 30 closes in a row) answered this cleanup
      // with "Connection is closed" after every test had passed.
      redis.disconnect();
      const cleanup = new Redis(process.env.REDIS_URL!);
      const keys = await cleanup.keys(`b_${keyPrefix}*`);
      if (keys.length > 0) await cleanup.del(...keys);
      await cleanup.quit();
    });

    it('two limiters sharing Redis keep together under one window', async () => {
      const settings: LimiterSettings = {
        requestsPerWindow: 8,
        tokensPerWindow: 100_000,
        windowMs: 1_000,
        maxConcurrent: 4,
      };
      const server = await startFakeOpenAI({ limits: { rpm: 8, windowMs: 1_000 } });
      server.on({ schema: 'ok' }, reply.json({ ok: true }));
      const cluster = { redis, keyPrefix, jobExpirationMs: 10_000 };
      const a = new RequestLimiter(settings, cluster);
      const b = new RequestLimiter(settings, cluster);
      try {
        await Promise.all([a.ready(), b.ready()]);
        const clientA = clientFor(server, a);
        const clientB = clientFor(server, b);
        const results = await Promise.all([
          ...Array.from({ length: 7 }, (_, i) => call(clientA, i)),
          ...Array.from({ length: 7 }, (_, i) => call(clientB, 100 + i)),
        ]);
        expect(results.every((r) => r.ok)).toBe(true);
        expect(server.requests).toHaveLength(14);
        expect(server.requests.filter((r) => r.outcome === 'rate-limited')).toEqual([]);
      } finally {
        await a.close();
        await b.close();
        await server.close();
      }
    });
  },
);
