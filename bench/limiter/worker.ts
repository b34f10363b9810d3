/**
 * One process of the limiter benchmark: the app's own LLM client (`LlmClient`) behind the
 * app's own limiter (`RequestLimiter`, bottleneck; clustered through Redis when `redisUrl` is
 * given), sending structured requests to the local OpenAI-compatible server as fast as the
 * limiter lets it, for `durationMs`.
 *
 * Protocol with the parent (bench/limiter/index.ts, test/scale): prints `ready` once the
 * limiter is connected, starts when a line `go` arrives on stdin, prints one JSON line
 * `{sent, ok, failed}` at the end.
 *   node --import tsx bench/limiter/worker.ts '<LimiterWorkerOptions as JSON>'
 */
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { LlmClient } from '../../src/llm/client.ts';
import { type LimiterSettings, RequestLimiter } from '../../src/llm/limiter.ts';

export interface LimiterWorkerOptions {
  baseURL: string;
  /**
   * A second server, without limits, for a few warm-up requests before `ready`: the first
   * requests of a fresh process are slow (module code, connection), and a delay after the
   * limiter's grant bunches requests up at the server, which would measure start-up, not the
   * limiter.
   */
  warmupURL?: string;
  settings: LimiterSettings;
  /** Cluster the limiter through this Redis (all workers with the same keyPrefix count together). */
  redisUrl?: string;
  keyPrefix?: string;
  durationMs: number;
  /** Requests kept waiting on the limiter at all times, so the limiter is the only brake. */
  outstanding: number;
}

const Ack = z.strictObject({ ok: z.boolean() });

export interface LimiterWorkerResult {
  sent: number;
  ok: number;
  failed: number;
}

async function main(options: LimiterWorkerOptions): Promise<LimiterWorkerResult> {
  // One connection per process, as the app's store holds one; the limiter shares it.
  const redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 3 }) : null;
  const limiter = new RequestLimiter(
    options.settings,
    redis
      ? {
          redis,
          keyPrefix: options.keyPrefix ?? 'ml-interviewer-bench',
          jobExpirationMs: 30_000,
        }
      : undefined,
    { error: (error) => process.stderr.write(`limiter error: ${String(error)}\n`) },
  );
  await limiter.ready();
  const clientFor = (baseURL: string, through: RequestLimiter) =>
    new LlmClient({
      apiKey: 'bench',
      baseURL,
      model: 'bench-model',
      timeoutMs: 10_000,
      maxRetries: 2,
      maxRetryAfterMs: 10_000,
      limiter: through,
    });
  if (options.warmupURL) {
    const local = new RequestLimiter({ ...options.settings, requestsPerWindow: 1_000 });
    const warm = clientFor(options.warmupURL, local);
    for (let i = 0; i < 3; i++) await ackRequest(warm, `warm-up ${i}`);
    await local.close();
  }
  const client = clientFor(options.baseURL, limiter);

  process.stdout.write('ready\n');
  await waitForGo();

  const result: LimiterWorkerResult = { sent: 0, ok: 0, failed: 0 };
  const deadline = Date.now() + options.durationMs;
  const lane = async (lane: number) => {
    while (Date.now() < deadline) {
      result.sent += 1;
      const outcome = await ackRequest(
        client,
        `request ${process.pid}-${lane}-${result.sent}`,
      ).catch(() => null);
      if (outcome?.ok) result.ok += 1;
      else if (Date.now() < deadline) result.failed += 1;
    }
  };
  await Promise.all(Array.from({ length: options.outstanding }, (_, i) => lane(i)));
  await limiter.close();
  await redis?.quit();
  return result;
}

function ackRequest(client: LlmClient, text: string) {
  return client.structured({
    purpose: 'bench:limiter',
    schemaName: 'ack',
    schema: Ack,
    messages: [
      { role: 'system', content: 'You acknowledge. Reply with {"ok": true}.' },
      { role: 'user', content: text },
    ],
    temperature: 0,
    maxCompletionTokens: 20,
  });
}

function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() === 'go') {
        lines.close();
        resolve();
      }
    });
  });
}

main(JSON.parse(process.argv[2] ?? '{}') as LimiterWorkerOptions).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
