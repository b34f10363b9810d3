/**
 * Prometheus metrics (prom-client), one registry per app so tests and several apps in one
 * process do not share counters. Served on `/metrics` by the ops HTTP endpoints.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { TokenUsage } from '../engine/types.ts';
import { priceFor } from '../eval/cost.ts';

export interface LlmCallRecord {
  model: string;
  /** `ok`, or a short reason class for errors. */
  ok: boolean;
  usage: TokenUsage | null;
  /** Why the request failed, when it did (grouped into a small set of labels). */
  error?: string;
}

/** Turns that ended without anyone talking to this process in this long no longer count as live. */
export const LIVE_INTERVIEW_WINDOW_MS = 15 * 60_000;

export class OpsMetrics {
  readonly registry = new Registry();
  private readonly turns: Counter<'command' | 'outcome'>;
  private readonly turnSeconds: Histogram<'command'>;
  private readonly llmCalls: Counter<'model' | 'outcome'>;
  private readonly llmTokens: Counter<'model' | 'kind'>;
  private readonly llmCost: Counter<'model'>;
  private readonly llmErrors: Counter<'model' | 'reason'>;
  private readonly storeSeconds: Histogram<'operation'>;
  /** Session id → when a turn last touched it in this process. */
  private readonly lastSeen = new Map<string, number>();

  constructor(options: {
    /** LLM turns running or waiting in this process. */
    queueDepth: () => number;
    /** LLM requests waiting in the rate limiters (bottleneck) of this process. */
    limiterWaiting: () => number;
    /** Whether the store answered its last health check. */
    storeIsUp: () => boolean;
    now?: () => number;
    /** Node's own process metrics (CPU, memory, event loop lag); off in tests. */
    processMetrics?: boolean;
  }) {
    const now = options.now ?? Date.now;
    const registers = [this.registry];
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
    const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
      new Counter<L>({ name, help, labelNames, registers });
    const histogram = <L extends string>(
      name: string,
      help: string,
      labelNames: L[],
      buckets: number[],
    ) => new Histogram<L>({ name, help, labelNames, buckets, registers });
    /** A gauge read when /metrics is scraped. */
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read());
        },
      });
    this.turns = counter(
      'interviewer_turns_total',
      'Commands handled, by command and outcome (ok or the error code)',
      ['command', 'outcome'],
    );
    this.turnSeconds = histogram(
      'interviewer_turn_duration_seconds',
      'Time from a command reaching the engine to its replies, by command',
      ['command'],
      [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 40, 80],
    );
    this.llmCalls = counter(
      'interviewer_llm_requests_total',
      'LLM requests by model and outcome (ok or error)',
      ['model', 'outcome'],
    );
    this.llmTokens = counter(
      'interviewer_llm_tokens_total',
      'LLM tokens by model and kind (prompt, completion, cached)',
      ['model', 'kind'],
    );
    this.llmCost = counter(
      'interviewer_llm_cost_usd_total',
      'Estimated LLM cost in US$ by model (list prices; models without a price count 0)',
      ['model'],
    );
    this.llmErrors = counter(
      'interviewer_llm_errors_total',
      'Failed LLM requests by model and reason',
      ['model', 'reason'],
    );
    gauge(
      'interviewer_llm_queue_depth',
      'LLM turns running or waiting in this process',
      options.queueDepth,
    );
    gauge(
      'interviewer_llm_limiter_waiting',
      'LLM requests of this process waiting in the rate limiter (not yet sent)',
      options.limiterWaiting,
    );
    const lastSeen = this.lastSeen;
    gauge(
      'interviewer_live_interviews',
      `Interviews with a turn in this process in the last ${LIVE_INTERVIEW_WINDOW_MS / 60_000} minutes`,
      () => {
        const since = now() - LIVE_INTERVIEW_WINDOW_MS;
        for (const [id, at] of lastSeen) if (at < since) lastSeen.delete(id);
        return lastSeen.size;
      },
    );
    this.storeSeconds = histogram(
      'interviewer_store_duration_seconds',
      'Store calls by operation (sessions, dedupe, health check)',
      ['operation'],
      [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    );
    gauge('interviewer_store_up', '1 when the store answered its last health check', () =>
      options.storeIsUp() ? 1 : 0,
    );
    this.nowFn = now;
  }

  private readonly nowFn: () => number;

  turn(command: string, outcome: string, seconds: number, sessionId: string | null): void {
    this.turns.inc({ command, outcome });
    this.turnSeconds.observe({ command }, seconds);
    if (sessionId) this.lastSeen.set(sessionId, this.nowFn());
  }

  llmCall(record: LlmCallRecord): void {
    const { model } = record;
    this.llmCalls.inc({ model, outcome: record.ok ? 'ok' : 'error' });
    if (!record.ok) this.llmErrors.inc({ model, reason: errorClass(record.error ?? '') });
    const usage = record.usage;
    if (!usage) return;
    this.llmTokens.inc({ model, kind: 'prompt' }, usage.promptTokens);
    this.llmTokens.inc({ model, kind: 'completion' }, usage.completionTokens);
    this.llmTokens.inc({ model, kind: 'cached' }, usage.cachedTokens);
    const price = priceFor(model, null);
    const cost = price
      ? (usage.promptTokens * price.inputPerMTok + usage.completionTokens * price.outputPerMTok) /
        1_000_000
      : 0;
    this.llmCost.inc({ model }, cost);
  }

  storeCall(operation: string, seconds: number): void {
    this.storeSeconds.observe({ operation }, seconds);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** A handful of stable labels from a free-text reason (labels must not explode in number). */
export function errorClass(reason: string): string {
  if (/timed out/i.test(reason)) return 'timeout';
  if (/429|rate limited/i.test(reason)) return 'rate-limited';
  if (/connection/i.test(reason)) return 'connection';
  if (/server error|\(5\d\d\)/i.test(reason)) return 'server-error';
  if (/rejected \(4\d\d\)/i.test(reason)) return 'rejected';
  if (/switched off|cooling|not answering/i.test(reason)) return 'breaker-open';
  return 'other';
}
