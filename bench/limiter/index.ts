/**
 * The limiter benchmark: one or more processes share an LLM rate limit, against the local
 * OpenAI-compatible server, which enforces the limit itself (a sliding RPM/TPM window, 429
 * beyond it) and records every request.
 *
 * Scaling: a real provider counts per minute; here the window is scaled down 10× so a run
 * covers several windows in seconds. "600 RPM" is run as 60 requests per 6-second window (the
 * same rate), measured over 18 s = three windows. The limiter is configured with exactly the
 * server's limit, as a user sets LLM_RPM to the provider's figure.
 *
 * Figures: achieved_rpm = requests the server accepted within the measured span (from the
 * first request on) per minute; ratio = achieved / allowed; count_429 = requests the server
 * rejected; max_in_window = the most requests (accepted or not) that arrived within any one
 * window, which must not exceed the allowed number.
 */
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type FakeOpenAIServer, reply, startFakeOpenAI } from '../../test/fakes/openai-server.ts';
import { round } from '../support/stats.ts';
import { spawnTsx } from '../support/tsx-child.ts';
import type { LimiterWorkerOptions, LimiterWorkerResult } from './worker.ts';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export interface LimiterBenchOptions {
  processes: number;
  /** Requests allowed per minute, after scaling (e.g. 600). */
  allowedRpm?: number;
  /** The scaled window (default 6 000 ms: a tenth of a minute). */
  windowMs?: number;
  /** How long requests are sent (default three windows). */
  durationMs?: number;
  /** Required for a clustered limiter (more than one process, by default). */
  redisUrl?: string;
  /** Requests kept waiting on the limiter per process. */
  outstanding?: number;
  /**
   * Share the limit through Redis (default: when there is more than one process). Tests turn it
   * off to show that separate limiters do overrun the window.
   */
  cluster?: boolean;
  /**
   * The limiter's configured rate as a share of the server's (default 1: configured at exactly
   * the provider's limit). The scale test uses a margin so scheduling jitter on a busy machine
   * cannot decide its outcome; the benchmark runs at 1.
   */
  limiterShare?: number;
}

export interface LimiterBenchResult {
  processes: number;
  allowed_rpm: number;
  achieved_rpm: number;
  ratio: number;
  count_429: number;
  /** Requests the server accepted in the measured span. */
  accepted: number;
  max_in_window: number;
  allowed_per_window: number;
  window_ms: number;
  duration_ms: number;
  /** Requests that failed at the client (after its retries), in the measured span. */
  failed: number;
}

export async function runLimiterBench(options: LimiterBenchOptions): Promise<LimiterBenchResult> {
  const allowedRpm = options.allowedRpm ?? 600;
  const windowMs = options.windowMs ?? 6_000;
  const durationMs = options.durationMs ?? windowMs * 3;
  const perWindow = Math.round((allowedRpm * windowMs) / 60_000);
  const cluster = options.cluster ?? options.processes > 1;
  if (cluster && !options.redisUrl) throw new Error('a clustered limiter needs REDIS_URL');
  const limiterPerWindow = Math.max(1, Math.floor(perWindow * (options.limiterShare ?? 1)));
  // Tokens generous enough that requests are the binding limit, still enforced by the server.
  const tokensPerWindow = perWindow * 1_000;

  const server = await startFakeOpenAI({
    limits: { rpm: perWindow, tpm: tokensPerWindow, windowMs },
  });
  server.on({ schema: 'ack' }, reply.json({ ok: true }));
  const warmup = await startFakeOpenAI();
  warmup.on({ schema: 'ack' }, reply.json({ ok: true }));
  const workerOptions: LimiterWorkerOptions = {
    baseURL: server.url,
    warmupURL: warmup.url,
    settings: { requestsPerWindow: limiterPerWindow, tokensPerWindow, windowMs, maxConcurrent: 8 },
    redisUrl: cluster ? options.redisUrl : undefined,
    // Fresh limiter state in Redis for every run.
    keyPrefix: `mli-bench-limiter-${randomUUID().slice(0, 8)}`,
    durationMs,
    outstanding: options.outstanding ?? 8,
  };

  const children: ChildProcess[] = [];
  try {
    const results: Promise<LimiterWorkerResult>[] = [];
    const ready: Promise<void>[] = [];
    for (let i = 0; i < options.processes; i++) {
      const child = spawnTsx(WORKER, [JSON.stringify(workerOptions)]);
      children.push(child);
      const lines = workerLines(child);
      ready.push(lines.ready);
      results.push(lines.result);
    }
    await Promise.all(ready);
    for (const child of children) child.stdin?.write('go\n');
    const perProcess = await Promise.all(results);
    return summarise(server, {
      processes: options.processes,
      allowedRpm,
      perWindow,
      windowMs,
      durationMs,
      failed: perProcess.reduce((sum, r) => sum + r.failed, 0),
    });
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await Promise.all([server.close(), warmup.close()]);
  }
}

/** `ready` when the worker printed it; `result` from its last line. */
function workerLines(child: ChildProcess): {
  ready: Promise<void>;
  result: Promise<LimiterWorkerResult>;
} {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const result = new Promise<LimiterWorkerResult>((resolve, reject) => {
    let last = '';
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') markReady();
      else if (line.trim()) last = line;
    });
    child.on('close', (code) => {
      if (code === 0 && last) resolve(JSON.parse(last) as LimiterWorkerResult);
      else reject(new Error(`limiter worker exited with ${code}: ${stderr.trim().slice(-2000)}`));
    });
  });
  // A worker that dies before `ready` must not leave the parent waiting.
  result.catch(() => markReady());
  return { ready, result };
}

function summarise(
  server: FakeOpenAIServer,
  run: {
    processes: number;
    allowedRpm: number;
    perWindow: number;
    windowMs: number;
    durationMs: number;
    failed: number;
  },
): LimiterBenchResult {
  const requests = server.requests;
  const first = requests.reduce((min, r) => Math.min(min, r.at), Number.POSITIVE_INFINITY);
  const inSpan = requests.filter((r) => r.at >= first && r.at < first + run.durationMs);
  const accepted = inSpan.filter((r) => r.outcome === 'replied').length;
  const achievedRpm = (accepted / run.durationMs) * 60_000;
  return {
    processes: run.processes,
    allowed_rpm: run.allowedRpm,
    achieved_rpm: round(achievedRpm, 1),
    ratio: round(achievedRpm / run.allowedRpm, 3),
    count_429: requests.filter((r) => r.outcome === 'rate-limited').length,
    accepted,
    max_in_window: maxInWindow(
      requests.map((r) => r.at),
      run.windowMs,
    ),
    allowed_per_window: run.perWindow,
    window_ms: run.windowMs,
    duration_ms: run.durationMs,
    failed: run.failed,
  };
}

/** The most arrival times within any half-open span of `windowMs`. */
export function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}
