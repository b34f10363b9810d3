/**
 * The LLM side, assembled from configuration: one OpenAI-compatible client behind the global
 * limiter (clustered through Redis when REDIS_URL is set), the interviewer and the rubric scorer
 * (each falling back to its offline twin), and the per-candidate usage guard.
 */
import { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import type {
  Clock,
  EngineLogger,
  Interviewer,
  LlmHealth,
  StageScorer,
  UsageGuard,
} from '../engine/ports.ts';
import { createMemoryKeyv } from '../store/backends/memory.ts';
import { type KeyValue, KeyvKeyValue, RedisKeyValue } from '../store/key-value.ts';
import { CircuitBreaker } from './breaker.ts';
import { LlmClient } from './client.ts';
import { LlmInterviewer } from './interviewer.ts';
import { RequestLimiter } from './limiter.ts';
import { LlmScorer } from './scorer.ts';
import { WindowUsageGuard } from './usage-guard.ts';

export { CircuitBreaker } from './breaker.ts';
export { LlmClient } from './client.ts';
export { LlmInterviewer } from './interviewer.ts';
export { RequestLimiter } from './limiter.ts';
export { LlmScorer } from './scorer.ts';
export { WindowUsageGuard } from './usage-guard.ts';

/** Shared by every process on one Redis (the store uses the same namespace). */
const NAMESPACE = 'ml-interviewer';

export interface LlmDeps {
  offlineInterviewer: Interviewer;
  offlineScorer: StageScorer;
  /** Cluster the global rate limits (and the per-user counters) through this Redis. */
  redisUrl?: string;
  logger?: EngineLogger;
  /**
   * Counters for the per-candidate limits, e.g. the store's (`createStore().counters`, so daily
   * budgets survive a restart with sqlite). Default: Redis at `redisUrl`, else in memory.
   */
  counters?: KeyValue;
  clock?: Clock;
  /** Prefix of every Redis key (default `ml-interviewer`); tests use their own. */
  namespace?: string;
}

export interface LlmServices {
  interviewer: Interviewer;
  scorer: StageScorer;
  guard: UsageGuard;
  /** Whether the LLM is switched off for now (the circuit breaker), for notes and /status. */
  health: LlmHealth;
  close(): Promise<void>;
}

export class LlmNotConfiguredError extends Error {
  override name = 'LlmNotConfiguredError';
  constructor() {
    super('no LLM is configured: set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server');
  }
}

interface ClientHandle {
  client: LlmClient;
  limiter: RequestLimiter;
  breaker: CircuitBreaker;
}

function createClient(
  config: Config,
  options: { redisUrl?: string; logger?: EngineLogger; namespace?: string },
): ClientHandle | null {
  const endpoint = config.llm.endpoint;
  if (!endpoint) return null;
  const { llm } = config;
  const logger = options.logger;
  const limiter = new RequestLimiter(
    {
      requestsPerWindow: llm.rpm,
      tokensPerWindow: llm.tpm,
      windowMs: 60_000,
      maxConcurrent: llm.maxConcurrent,
    },
    options.redisUrl
      ? {
          redisUrl: options.redisUrl,
          keyPrefix: options.namespace ?? NAMESPACE,
          // A process that died mid-request frees its slot after this.
          jobExpirationMs: llm.timeoutMs * 2 + 5_000,
        }
      : undefined,
    { error: (error) => logger?.error({ err: error }, 'llm rate limiter error') },
  );
  // One breaker per process for the interviewer and the scorer: both talk to one server.
  const breaker = new CircuitBreaker({
    failures: llm.breakerFailures,
    cooldownMs: llm.breakerCooldownMs,
  });
  const client = new LlmClient({
    apiKey: endpoint.apiKey,
    baseURL: endpoint.baseURL,
    model: endpoint.model,
    timeoutMs: llm.timeoutMs,
    maxRetries: llm.maxRetries,
    maxRetryAfterMs: llm.maxRetryAfterMs,
    limiter,
    breaker,
    logger,
  });
  return { client, limiter, breaker };
}

/**
 * The LLM interviewer, scorer and usage guard, or null when no endpoint is configured (the
 * caller then uses the offline ones). Nothing connects until first use.
 */
export function createLlmServices(config: Config, deps: LlmDeps): LlmServices | null {
  const redisUrl = deps.redisUrl;
  const namespace = deps.namespace ?? NAMESPACE;
  const handle = createClient(config, { redisUrl, logger: deps.logger, namespace });
  if (!handle) return null;

  let counters = deps.counters;
  let countersRedis: Redis | null = null;
  if (!counters) {
    if (redisUrl) {
      countersRedis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
      countersRedis.on('error', (error) =>
        deps.logger?.warn({ err: error }, 'usage counters: redis error'),
      );
      counters = new RedisKeyValue(countersRedis, namespace);
    } else {
      counters = new KeyvKeyValue(createMemoryKeyv(namespace));
    }
  }

  return {
    interviewer: new LlmInterviewer({ client: handle.client, fallback: deps.offlineInterviewer }),
    scorer: new LlmScorer({
      client: handle.client,
      fallback: deps.offlineScorer,
      samples: config.llm.scorerSamples,
    }),
    guard: new WindowUsageGuard(
      counters,
      { turnsPerMinute: config.llm.userTurnsPerMinute, dailyTokens: config.llm.userDailyTokens },
      deps.clock,
    ),
    health: handle.breaker,
    async close() {
      await handle.limiter.close();
      if (countersRedis) await countersRedis.quit().catch(() => {});
    },
  };
}

export type LlmStageScorer = StageScorer & {
  readonly kind: 'llm';
  /** e.g. `scorer-v1#3f2a9c1b`. */
  readonly promptVersion: string;
  readonly model: string;
  close(): Promise<void>;
};

/**
 * The rubric scorer alone, for the CLI (`score` / `eval --scorer llm`). Throws
 * `LlmNotConfiguredError` when no endpoint is configured. Limits are clustered through
 * `REDIS_URL` when set, so an evaluation run shares the bots' budget.
 */
export function createLlmScorer(
  config: Config,
  options: { fallback: StageScorer; logger?: EngineLogger; redisUrl?: string },
): LlmStageScorer {
  const handle = createClient(config, {
    redisUrl: options.redisUrl ?? config.store.redisUrl,
    logger: options.logger,
  });
  if (!handle) throw new LlmNotConfiguredError();
  const scorer = new LlmScorer({
    client: handle.client,
    fallback: options.fallback,
    samples: config.llm.scorerSamples,
  });
  return {
    kind: 'llm',
    promptVersion: scorer.promptVersion,
    model: handle.client.model,
    score: (input) => scorer.score(input),
    close: () => handle.limiter.close(),
  };
}
