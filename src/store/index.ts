/**
 * The store for sessions, locks and counters, chosen from configuration:
 * - memory when asked (tests);
 * - PostgreSQL when `databaseUrl` is set (many processes), with Redis for coordination
 *   (locks, claimOnce guards, counters) when `redisUrl` is set too;
 * - Redis alone when only `redisUrl` is set;
 * - otherwise the sqlite file (the embedded default, one process).
 */
import type { Redis } from 'ioredis';
import type Keyv from 'keyv';
import {
  type Clock,
  type EngineLogger,
  type SessionLock,
  type SessionStore,
  silentLogger,
} from '../engine/ports.ts';
import { createMemoryKeyv } from './backends/memory.ts';
import {
  DEFAULT_STORE_TIMEOUTS,
  openRedis,
  redactUrl,
  type StoreTimeouts,
} from './backends/redis.ts';
import { openSqlite } from './backends/sqlite.ts';
import { STORE_DEFAULTS } from './defaults.ts';
import { InProcessLock, type LockOptions } from './in-process-lock.ts';
import { type KeyValue, KeyvKeyValue, RedisKeyValue } from './key-value.ts';
import { KeyvSessionLog } from './keyv-session-log.ts';
import { LogSessionStore } from './log-session-store.ts';
import { openPostgres, redactPostgresUrl } from './postgres/connect.ts';
import { PgKeyValue } from './postgres/pg-key-value.ts';
import { PgSessionLog } from './postgres/pg-session-log.ts';
import { RedisSessionLock } from './redis-lock.ts';
import { RedisSessionLog } from './redis-session-log.ts';
import type { SessionLog } from './session-log.ts';

export type { WindowCount } from './key-value.ts';
export { LockBusyError } from '../engine/ports.ts';
export type { KeyValue, LockOptions, RecordStore, StoreTimeouts };
export { DEFAULT_STORE_TIMEOUTS };
import { KeyvRecords, type RecordStore, RedisRecords } from './record-store.ts';
import { PgRecords } from './postgres/pg-records.ts';

export type StoreKind = 'memory' | 'sqlite' | 'redis' | 'postgres';

export interface StoreOptions {
  redisUrl?: string;
  /** PostgreSQL (`postgres://…`): the shared store for several processes. */
  databaseUrl?: string;
  /** The PostgreSQL schema holding the tables (default `public`). */
  databaseSchema?: string;
  /** The sqlite file; its folder is created. */
  databasePath?: string;
  /** Keep everything in this process's memory (unit tests). Wins over the others. */
  memory?: boolean;
  /** Prefix of every key, so several apps (or test runs) can share one Redis. */
  namespace?: string;
  lock?: LockOptions;
  /** Days a finished or abandoned interview is kept; 0 keeps it forever. */
  retentionDays?: number;
  /** Deadlines of Redis and PostgreSQL calls. */
  timeouts?: StoreTimeouts;
  logger?: EngineLogger;
  /** The engine's clock: interviews are stamped by it, so retention is measured on it too. */
  clock?: Clock;
}

export interface StoreHandle {
  store: SessionStore;
  lock: SessionLock;
  /** Window counters (per-user turn rates, daily token budgets). */
  counters: KeyValue;
  /** Small durable records (e.g. Slack installations). */
  records: RecordStore;
  kind: StoreKind;
  /**
   * The one Redis connection of this process, when the store uses Redis: the LLM limiter and
   * the budgets share it (closed with the store). Null without Redis: they stay in-process.
   */
  redis: Redis | null;
  /** One line for start-up logs, e.g. `sqlite /abs/path.sqlite`. Never includes a password. */
  describe(): string;
  /** Delete what is past its retention now (it also runs every few minutes by itself). */
  sweepExpired(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_NAMESPACE = 'ml-interviewer';
const DAY_MS = 86_400_000;
/** Expired interviews are deleted by a periodic sweep where the store has no expiry of its own. */
const SWEEP_EVERY_MS = 10 * 60_000;

export async function createStore(options: StoreOptions = {}): Promise<StoreHandle> {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const logger = options.logger ?? silentLogger;
  const timeouts = options.timeouts ?? DEFAULT_STORE_TIMEOUTS;
  const retentionMs = (options.retentionDays ?? STORE_DEFAULTS.retentionDays) * DAY_MS;
  const clock = options.clock ?? { now: Date.now };
  const now = () => clock.now();

  if (options.memory) {
    const keyv = createMemoryKeyv(namespace);
    return storeOnKeyv(keyv, {
      kind: 'memory',
      description: 'memory (nothing is kept after exit)',
      lock: options.lock,
      retentionMs,
      now,
      sweepExpired: async () => {},
      close: async () => {},
    });
  }

  if (options.databaseUrl)
    return openPostgresStore(options.databaseUrl, options, {
      namespace,
      logger,
      timeouts,
      retentionMs,
      now,
    });

  if (options.redisUrl) {
    const backend = await openRedis(options.redisUrl, logger, timeouts);
    return {
      store: new LogSessionStore(new RedisSessionLog(backend.redis, namespace, now), {
        retentionMs,
        now,
      }),
      lock: new RedisSessionLock(backend.redis, namespace, options.lock, logger),
      counters: new RedisKeyValue(backend.redis, namespace),
      records: new RedisRecords(backend.redis, namespace),
      kind: 'redis',
      redis: backend.redis,
      describe: () => `redis ${redactUrl(options.redisUrl!)} (namespace ${namespace})`,
      // Redis expires the keys itself.
      sweepExpired: async () => {},
      close: backend.close,
    };
  }

  const sqlite = await openSqlite(
    options.databasePath ?? STORE_DEFAULTS.databasePath,
    namespace,
    logger,
  );
  return storeOnKeyv(sqlite.keyv, {
    kind: 'sqlite',
    description: `sqlite ${sqlite.path}`,
    lock: options.lock,
    retentionMs,
    now,
    sweepExpired: sqlite.sweepExpired,
    close: sqlite.close,
  });
}

/** PostgreSQL for the interviews; Redis, when configured, for locks, guards and counters. */
async function openPostgresStore(
  url: string,
  options: StoreOptions,
  shared: {
    namespace: string;
    logger: EngineLogger;
    timeouts: StoreTimeouts;
    retentionMs: number;
    now: () => number;
  },
): Promise<StoreHandle> {
  const { namespace, logger, timeouts, retentionMs, now } = shared;
  const pg = await openPostgres(url, { schema: options.databaseSchema, timeouts, logger });
  let redis: Awaited<ReturnType<typeof openRedis>> | undefined;
  try {
    if (options.redisUrl) redis = await openRedis(options.redisUrl, logger, timeouts);
  } catch (error) {
    await pg.close();
    throw error;
  }
  const sessions = new PgSessionLog(pg.pool, now);
  const log: SessionLog = redis
    ? withClaims(sessions, new RedisSessionLog(redis.redis, namespace, now))
    : sessions;
  if (!redis) {
    logger.warn(
      {},
      'PostgreSQL without REDIS_URL: locks are per process; set REDIS_URL to run several processes',
    );
  }
  const sweep = () =>
    sessions
      .sweepExpired()
      .catch((error: unknown) => logger.warn({ err: error }, 'sweeping expired interviews failed'));
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  const where = `postgres ${redactPostgresUrl(url)} (schema ${pg.schema})`;
  return {
    store: new LogSessionStore(log, { retentionMs, now }),
    lock: redis
      ? new RedisSessionLock(redis.redis, namespace, options.lock, logger)
      : new InProcessLock(options.lock),
    counters: redis ? new RedisKeyValue(redis.redis, namespace) : new PgKeyValue(pg.pool),
    records: new PgRecords(pg.pool),
    kind: 'postgres',
    redis: redis?.redis ?? null,
    describe: () =>
      options.redisUrl
        ? `${where} + redis ${redactUrl(options.redisUrl)} (namespace ${namespace})`
        : where,
    sweepExpired: () => sessions.sweepExpired(),
    close: async () => {
      clearInterval(timer);
      await Promise.allSettled([pg.close(), redis?.close()]);
    },
  };
}

/** The sessions of `log`, with claimOnce guards from `claims` (Redis: cheap, expiring keys). */
function withClaims(log: SessionLog, claims: Pick<SessionLog, 'claimOnce'>): SessionLog {
  return Object.assign(Object.create(log) as SessionLog, {
    claimOnce: (key: string, ttlMs: number) => claims.claimOnce(key, ttlMs),
  });
}

/** A single-process store on any Keyv created with `throwOnErrors: true`. */
export function storeOnKeyv(
  keyv: Keyv,
  parts: {
    kind: StoreKind;
    description: string;
    lock?: LockOptions;
    retentionMs?: number;
    /** The engine's clock (default the real one). */
    now?: () => number;
    sweepExpired?: () => Promise<void>;
    close(): Promise<void>;
  },
): StoreHandle {
  return {
    store: new LogSessionStore(new KeyvSessionLog(keyv, parts.now), {
      retentionMs: parts.retentionMs ?? STORE_DEFAULTS.retentionDays * DAY_MS,
      now: parts.now,
    }),
    lock: new InProcessLock(parts.lock),
    counters: new KeyvKeyValue(keyv),
    records: new KeyvRecords(keyv),
    kind: parts.kind,
    redis: null,
    describe: () => parts.description,
    sweepExpired: parts.sweepExpired ?? (async () => {}),
    close: parts.close,
  };
}
