/**
 * The composition root: config → store → LLM → engine, built once; the adapters take the App.
 * Every entry point (terminal, Discord, Slack, CLI) gets its engine from here, so they all
 * behave alike. The store opens the process's connections (sqlite, PostgreSQL, Redis); the
 * LLM part (app/llm-services.ts) runs its limiter and budgets on the store's Redis connection.
 */
import type { Config } from './config.ts';
import { InterviewEngine } from './engine/engine.ts';
import { storeCandidateIndex } from './practice/candidate-index-store.ts';
import { createChartRenderer } from './practice/chart-renderer.ts';
import type { ChartRenderer, Clock, Interviewer, StageScorer, UsageGuard } from './engine/ports.ts';
import type { Knowledge } from './knowledge/knowledge.ts';
import { loadKnowledge } from './knowledge/loader.ts';
import { createLlmServices } from './app/llm-services.ts';
import { OfflineInterviewer } from './interviewer/rule-based-interviewer.ts';
import { OfflineScorer } from './scorer/offline-scorer.ts';
import { withReview } from './scorer/review-scorer.ts';
import type { Logger } from './logger.ts';
import { Ops } from './ops/index.ts';
import { createStore, type RecordStore, type StoreHandle } from './store/index.ts';

export interface App {
  engine: InterviewEngine;
  knowledge: Knowledge;
  /**
   * One line per component, for the start-up banner ("store: sqlite ./data/…"): the path
   * actually in use, so "offline" while the LLM is switched off by the circuit breaker.
   */
  readonly describe: { store: string; interviewer: string; scorer: string; images: string };
  interviewerKind: Interviewer['kind'];
  scorerKind: StageScorer['kind'];
  /** Turn gate (shutdown, store lost, LLM queue bound), metrics, readiness. */
  ops: Ops;
  /**
   * Set-if-absent in the shared store: true for the first caller of `key` within `ttlMs`,
   * across processes on Redis. Adapters claim a redelivered platform event with it.
   */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Small durable records in the same store (Slack installations). */
  records: RecordStore;
  /**
   * Builds what the offline scorer reads with (its catalogues and indexes, about a second of CPU)
   * now rather than at the first answer scored; returns how long it took, in milliseconds. The
   * bots call it once they are connected, before anyone has answered.
   */
  warmUp(): number;
  close(): Promise<void>;
}

export interface AppOptions {
  logger: Logger;
  /** Use the in-memory store regardless of configuration (tests, benchmarks). */
  memoryStore?: boolean;
  clock?: Clock;
  /**
   * Prefix of every Redis key (store, locks, counters, rate limiter); default `ml-interviewer`.
   * Processes that must share state use the same one; tests use one of their own per run.
   */
  namespace?: string;
  /** Replace the interviewer or scorer the configuration would choose (tests: slow or odd ports). */
  interviewer?: Interviewer;
  scorer?: StageScorer;
  /** Replace the chart renderer CHARTS would choose (tests: one that fails). */
  charts?: ChartRenderer;
  /** Node's process metrics (CPU, memory, event loop) on /metrics: the long-running bots. */
  processMetrics?: boolean;
}

/**
 * How long a message may wait behind the turn in progress: longer than the slowest turn, so a
 * queued message waits rather than being refused as busy. The slowest turn closes a stage: one
 * interviewer move and one scoring, each up to (retries + 1) timeouts plus capped retry-after
 * waits. Never below the store's own default of two minutes.
 */
export function longestTurnMs(config: Config): number {
  const { timeoutMs, maxRetries, maxRetryAfterMs } = config.llm;
  const oneLlmStep = (maxRetries + 1) * timeoutMs + maxRetries * maxRetryAfterMs;
  return Math.max(120_000, 2 * oneLlmStep + 30_000);
}

/**
 * Warms the offline scorer up once the bots are connected (`App.warmUp`), and logs how long it
 * took. Never throws: a knowledge file that fails to load here is logged, and the same error
 * reaches the first answer scored, which reports it as any scoring failure, rather than ending a
 * process that is serving interviews.
 */
export function warmUpScorer(app: Pick<App, 'warmUp'>, logger: Logger): void {
  try {
    logger.info({ ms: Math.round(app.warmUp()) }, 'offline scorer ready');
  } catch (error) {
    logger.error(
      { err: error },
      'offline scorer warm-up failed; it will be retried at the first answer',
    );
  }
}

export async function createApp(config: Config, options: AppOptions): Promise<App> {
  const { logger } = options;
  const knowledge = await loadKnowledge(config.knowledgeDir);
  const stores = await createStore({
    ...config.store,
    memory: options.memoryStore,
    namespace: options.namespace,
    logger,
    clock: options.clock,
    lock: { maxWaitMs: longestTurnMs(config) },
  });

  try {
    return assemble(config, options, knowledge, stores);
  } catch (error) {
    // The store is open (Redis sockets keep the process alive): close it before failing.
    await stores.close().catch(() => {});
    throw error;
  }
}

function assemble(
  config: Config,
  options: AppOptions,
  knowledge: Knowledge,
  stores: StoreHandle,
): App {
  const { logger } = options;
  const ops = new Ops(config, logger, { processMetrics: options.processMetrics });
  const store = ops.watchStore(stores.store);
  const offlineInterviewer = new OfflineInterviewer();
  // With the whole knowledge base the offline scorer can tell an answer about another scenario.
  const offlineScorer = new OfflineScorer({ knowledge });
  const llm = createLlmServices(config, {
    offlineInterviewer,
    offlineScorer,
    redis: stores.redis,
    logger,
    namespace: options.namespace,
    observer: ops.llmObserver,
    storeKind: stores.kind,
  });
  ops.watchLlm(llm);
  const interviewer: Interviewer = options.interviewer ?? llm?.interviewer ?? offlineInterviewer;
  const scorer: StageScorer =
    options.scorer ??
    withReview(config.llm.scorer === 'offline' || !llm ? offlineScorer : llm.scorer);
  const guard: UsageGuard | undefined = llm?.guard;

  const engine = new InterviewEngine({
    knowledge,
    store,
    lock: stores.lock,
    interviewer,
    scorer,
    guard,
    logger,
    clock: options.clock,
    llmHealth: llm?.health,
    turnGate: ops.gate,
    candidateIndex: storeCandidateIndex(stores.records, stores.lock),
    imageReader: llm?.imageReader ?? null,
    charts: config.charts ? (options.charts ?? createChartRenderer()) : null,
  });

  ops.start();
  const model = config.llm.endpoint?.model;
  const judgeModel = config.llm.judge?.model;
  return {
    engine,
    knowledge,
    get describe() {
      const outage = llm?.health.outage();
      const off = outage ? `offline (the LLM is not answering: ${outage.reason})` : null;
      return {
        store: stores.describe(),
        interviewer:
          interviewer.kind === 'llm' ? (off ?? `LLM (${model})`) : 'offline (rule-based, no LLM)',
        scorer:
          scorer.kind === 'llm'
            ? (off ?? `LLM rubric scorer (${judgeModel})`)
            : 'offline rubric scorer (no LLM)',
        images: llm?.imageReader
          ? `read by ${model} (LLM_VISION=${config.llm.vision})`
          : 'not read (no model that takes images; LLM_VISION to change)',
      };
    },
    interviewerKind: interviewer.kind,
    scorerKind: scorer.kind,
    ops,
    claimOnce: (key, ttlMs) => stores.store.claimOnce(key, ttlMs),
    records: stores.records,
    warmUp() {
      const started = performance.now();
      const scenario = knowledge.scenarios.values().next().value;
      const stage = knowledge.framework.stages[0];
      if (scenario && stage) {
        offlineScorer.read({
          framework: knowledge.framework,
          scenario,
          stage,
          lang: 'en',
          answer: 'Recall matters more than precision here, because a missed case costs more.',
          turns: [],
        });
      }
      return performance.now() - started;
    },
    async close() {
      ops.close();
      // Side by side: an LLM request still hanging at shutdown must not keep the store open.
      await Promise.all([llm?.close(), stores.close()]);
    },
  };
}
