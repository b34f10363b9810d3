/**
 * The composition root's LLM part (src/app.ts calls it; the CLI's `score`, `eval` and
 * `audit-interviewer` too): one OpenAI-compatible client behind the global limiter, the
 * interviewer and the rubric scorer (each falling back to its offline twin), and the
 * per-candidate usage guard. It opens no connection of its own: with Redis, the limiter and the
 * budgets run on the app's shared connection (the store's), so every process on that Redis
 * counts together.
 */
import type { Redis } from 'ioredis';
import type { Config, LlmEndpoint } from '../config.ts';
import type {
  Clock,
  EngineLogger,
  Interviewer,
  LlmHealth,
  StageScorer,
  UsageGuard,
} from '../engine/ports.ts';
import { LlmInterviewer } from '../interviewer/llm/llm-interviewer.ts';
import { CircuitBreaker } from '../llm/breaker.ts';
import { BudgetGuard } from '../llm/budgets.ts';
import { type LlmCallEvent, LlmClient } from '../llm/client.ts';
import { RequestLimiter } from '../llm/limiter.ts';
import { LlmScorer } from '../scorer/llm/llm-scorer.ts';
import { DEFAULT_NAMESPACE as NAMESPACE } from '../store/index.ts';
import { type BudgetStoreKind, openBudgetBackend } from '../llm/budget-backend.ts';
import type { DiagramImageReader } from '../engine/image-reader.ts';
import { LlmDiagramImageReader } from '../llm/image-diagram-reader.ts';
import { visionEnabled } from '../llm/vision.ts';

export interface LlmDeps {
  offlineInterviewer: Interviewer;
  offlineScorer: StageScorer;
  /** The app's shared Redis connection: the global rate limits and the budgets count there. */
  redis?: Redis | null;
  logger?: EngineLogger;
  clock?: Clock;
  /** Prefix of every Redis key (default `ml-interviewer`); tests use their own. */
  namespace?: string;
  /** Told about every LLM request (metrics). */
  observer?: (call: LlmCallEvent) => void;
  /** The store in use: budgets live beside it (Redis, PostgreSQL, a sqlite file; default memory). */
  storeKind?: BudgetStoreKind;
}

export interface LlmServices {
  interviewer: Interviewer;
  scorer: StageScorer;
  /** Reads diagrams in images, when the interviewer's model takes them (LLM_VISION). */
  imageReader: DiagramImageReader | null;
  guard: UsageGuard;
  /** Whether the LLM is switched off for now (the circuit breaker), for notes and /status. */
  health: LlmHealth;
  /** LLM requests of this process waiting in the rate limiters (metrics). */
  waiting(): number;
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

interface ClientOptions {
  redis?: Redis | null;
  logger?: EngineLogger;
  namespace?: string;
  observer?: (call: LlmCallEvent) => void;
}

function createLimiter(config: Config, options: ClientOptions, keyPrefix: string) {
  const { llm } = config;
  return new RequestLimiter(
    {
      requestsPerWindow: llm.rpm,
      tokensPerWindow: llm.tpm,
      windowMs: 60_000,
      maxConcurrent: llm.maxConcurrent,
    },
    options.redis
      ? {
          redis: options.redis,
          keyPrefix,
          // A process that died mid-request frees its slot after this.
          jobExpirationMs: llm.timeoutMs * 2 + 5_000,
        }
      : undefined,
    { error: (error) => options.logger?.error({ err: error }, 'llm rate limiter error') },
  );
}

/** One breaker per server and process: the interviewer and the judge on one server share it. */
function createBreaker(config: Config): CircuitBreaker {
  return new CircuitBreaker({
    failures: config.llm.breakerFailures,
    cooldownMs: config.llm.breakerCooldownMs,
  });
}

function clientFor(
  config: Config,
  endpoint: LlmEndpoint,
  server: { limiter: RequestLimiter; breaker: CircuitBreaker },
  options: ClientOptions,
): LlmClient {
  const { llm } = config;
  return new LlmClient({
    apiKey: endpoint.apiKey,
    baseURL: endpoint.baseURL,
    model: endpoint.model,
    timeoutMs: llm.timeoutMs,
    maxRetries: llm.maxRetries,
    maxRetryAfterMs: llm.maxRetryAfterMs,
    limiter: server.limiter,
    breaker: server.breaker,
    logger: options.logger,
    observer: options.observer,
  });
}

function createClient(config: Config, options: ClientOptions): ClientHandle | null {
  const endpoint = config.llm.endpoint;
  if (!endpoint) return null;
  const server = {
    limiter: createLimiter(config, options, options.namespace ?? NAMESPACE),
    breaker: createBreaker(config),
  };
  return { client: clientFor(config, endpoint, server, options), ...server };
}

/**
 * The judge's client. On the interviewer's server (same URL and key) it shares the
 * interviewer's limiter and breaker (or, alone in the CLI, the same Redis keys), since the
 * provider's limits and health are shared too; on another server it gets its own (same limits,
 * its own Redis keys). `own` is the limiter to close, if any.
 */
function createJudgeClient(
  config: Config,
  options: ClientOptions,
  interviewer: ClientHandle | null,
): { client: LlmClient; own: RequestLimiter | null; breaker: CircuitBreaker } | null {
  const judge = config.llm.judge;
  if (!judge) return null;
  const endpoint = config.llm.endpoint;
  const sameServer =
    endpoint !== null && endpoint.baseURL === judge.baseURL && endpoint.apiKey === judge.apiKey;
  if (interviewer && sameServer) {
    return {
      client: clientFor(config, judge, interviewer, options),
      own: null,
      breaker: interviewer.breaker,
    };
  }
  const namespace = options.namespace ?? NAMESPACE;
  const server = {
    limiter: createLimiter(config, options, sameServer ? namespace : `${namespace}:judge`),
    breaker: createBreaker(config),
  };
  return {
    client: clientFor(config, judge, server, options),
    own: server.limiter,
    breaker: server.breaker,
  };
}

function judgeOptions(config: Config) {
  return { samples: config.llm.scorerSamples, temperature: config.llm.judgeTemperature };
}

/**
 * The LLM interviewer, judge and usage guard, or null when no endpoint is configured (the
 * caller then uses the offline ones). With only the judge configured, the interviewer is the
 * offline one. Nothing connects until first use.
 */
export function createLlmServices(config: Config, deps: LlmDeps): LlmServices | null {
  const namespace = deps.namespace ?? NAMESPACE;
  const clientOptions = {
    redis: deps.redis,
    logger: deps.logger,
    namespace,
    observer: deps.observer,
  };
  const handle = createClient(config, clientOptions);
  const judge = createJudgeClient(config, clientOptions, handle);
  // The judge alone (JUDGE_* without OPENAI_*) scores with the LLM; the interviewer stays offline.
  if (!handle && !judge) return null;

  // Budgets follow the store: on the app's shared Redis when there is one (every process draws
  // on the same ones), else PostgreSQL (shared), the sqlite file's sibling (kept), memory.
  const budgets = openBudgetBackend({
    ...config.store,
    storeKind: deps.storeKind ?? 'memory',
    redis: deps.redis ?? undefined,
    logger: deps.logger,
  });

  return {
    interviewer: handle
      ? new LlmInterviewer({ client: handle.client, fallback: deps.offlineInterviewer })
      : deps.offlineInterviewer,
    scorer: judge
      ? new LlmScorer({
          client: judge.client,
          fallback: deps.offlineScorer,
          ...judgeOptions(config),
        })
      : deps.offlineScorer,
    // On the interviewer's client: the same model, limiter and breaker as the conversation.
    imageReader:
      handle && visionEnabled(config.llm.vision, handle.client.model)
        ? new LlmDiagramImageReader(handle.client)
        : null,
    guard: new BudgetGuard(
      {
        userTurnsPerMinute: config.llm.userTurnsPerMinute,
        userDailyTokens: config.llm.userDailyTokens,
        teamTurnsPerMinute: config.llm.teamTurnsPerMinute,
        teamDailyTokens: config.llm.teamDailyTokens,
      },
      { backend: budgets, namespace },
      deps.clock,
    ),
    // What the candidate talks to: the interviewer's server, else the judge's.
    health: (handle?.breaker ?? judge?.breaker)!,
    waiting: () => (handle?.limiter.waiting() ?? 0) + (judge?.own?.waiting() ?? 0),
    async close() {
      await handle?.limiter.close();
      await judge?.own?.close();
      // Never closes the shared Redis connection (the store owns it).
      await budgets.close().catch(() => {});
    },
  };
}

export type LlmStageScorer = StageScorer & {
  readonly kind: 'llm';
  /** e.g. `scorer-v2#3f2a9c1b`. */
  readonly promptVersion: string;
  readonly model: string;
  /** Judge samples per stage. */
  readonly samples: number;
  close(): Promise<void>;
};

/**
 * The judge alone, for the CLI (`score` / `eval --scorer llm`), on the judge's endpoint
 * (`JUDGE_*`, falling back to `OPENAI_*`). Throws `LlmNotConfiguredError` when neither is
 * configured. With `redis` (the CLI opens it from `REDIS_URL`), limits are clustered there, so
 * an evaluation run shares the bots' budget.
 */
export function createLlmScorer(
  config: Config,
  options: { fallback: StageScorer; logger?: EngineLogger; redis?: Redis | null },
): LlmStageScorer {
  const judge = createJudgeClient(config, { redis: options.redis, logger: options.logger }, null);
  if (!judge) throw new LlmNotConfiguredError();
  const scorer = new LlmScorer({
    client: judge.client,
    fallback: options.fallback,
    ...judgeOptions(config),
  });
  return {
    kind: 'llm',
    promptVersion: scorer.promptVersion,
    model: judge.client.model,
    samples: config.llm.scorerSamples,
    score: (input) => scorer.score(input),
    close: async () => {
      await judge.own?.close();
    },
  };
}
