/**
 * Where the budgets' rate-limiter-flexible counters live, chosen to match the store:
 * - Redis when REDIS_URL is set (RateLimiterRedis): every process on that Redis shares them;
 * - PostgreSQL when DATABASE_URL is set without Redis (RateLimiterPostgres, table
 *   `budget_limits` in the store's schema): every process on that database shares them;
 * - the sqlite store (one process): RateLimiterSQLite in a file beside the store's,
 *   `<DATABASE_PATH>-budgets`, so a day's token budget survives a restart. Not the store's own
 *   file: that one is held in exclusive locking mode by its only connection (which refuses a
 *   second process), and its driver does not share the connection;
 * - memory for the in-memory store (tests).
 */
import { resolve } from 'node:path';
import pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterSQLite,
} from 'rate-limiter-flexible';
import sqlite3 from 'sqlite3';
import type { EngineLogger } from '../engine/ports.ts';
import type { Redis } from 'ioredis';
import { STORE_DEFAULTS } from '../store/defaults.ts';

export type BudgetStoreKind = 'memory' | 'sqlite' | 'postgres' | 'redis';

export interface BudgetBackendOptions {
  /** The store in use: the budgets follow it (Redis wins whenever `redis` is given). */
  storeKind: BudgetStoreKind;
  redis?: Redis;
  databaseUrl?: string;
  databaseSchema?: string;
  databasePath?: string;
  /** Deadline of one query, and of connecting, in ms (default: the store's). */
  timeouts?: { connectTimeoutMs: number; commandTimeoutMs: number };
  logger?: EngineLogger;
}

/** Makes the budget limiters on one backend. */
export interface BudgetBackend {
  readonly kind: BudgetStoreKind;
  /** A limiter of `points` per `durationSeconds`; keys carry `keyPrefix`. */
  limiter(keyPrefix: string, points: number, durationSeconds: number): RateLimiterAbstract;
  /** Resolves once the limiters can be used (their SQL table exists). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const TABLE = 'budget_limits';
/** Rows whose window ended over an hour ago are deleted this often. */
const CLEAR_EVERY_MS = 10 * 60_000;

/** The sqlite file beside the store's (`*.sqlite-budgets`, like sqlite's own `-wal`). */
export function budgetsFileFor(databasePath: string | undefined): string {
  return `${resolve(databasePath ?? STORE_DEFAULTS.databasePath)}-budgets`;
}

export function openBudgetBackend(options: BudgetBackendOptions): BudgetBackend {
  const { redis } = options;
  if (redis) {
    return simpleBackend(
      'redis',
      (keyPrefix, points, duration) =>
        new RateLimiterRedis({ storeClient: redis, keyPrefix, points, duration }),
    );
  }
  if (options.storeKind === 'postgres' && options.databaseUrl) return postgresBackend(options);
  if (options.storeKind === 'sqlite') return sqliteBackend(options);
  return simpleBackend(
    'memory',
    (keyPrefix, points, duration) => new RateLimiterMemory({ keyPrefix, points, duration }),
  );
}

function timeoutsOf(options: BudgetBackendOptions) {
  return options.timeouts ?? STORE_DEFAULTS.timeouts;
}

function simpleBackend(kind: BudgetStoreKind, make: BudgetBackend['limiter']): BudgetBackend {
  return { kind, limiter: make, ready: async () => {}, close: async () => {} };
}

/** Both SQL limiters have `clearExpired(beforeMs)`; the library's types leave it out. */
type SqlLimiter = (RateLimiterPostgres | RateLimiterSQLite) & {
  clearExpired(beforeMs: number): Promise<void>;
};

type LimiterOptions = {
  keyPrefix: string;
  points: number;
  duration: number;
  tableCreated: boolean;
};

/** PostgreSQL's answers when two sessions create the same table at once. */
const CREATED_CONCURRENTLY = new Set(['42P07', '42710', '23505']);

/**
 * The SQL limiters refuse to count until their table exists. One limiter made for the purpose
 * creates it (the library's own DDL, `CREATE TABLE IF NOT EXISTS`); the budget limiters are
 * made with `tableCreated` and used once `ready()` resolves. Two processes starting together
 * may both create it: the loser's error means the table is there, so it tries once more.
 * Expired rows are cleared by a timer owned here (the libraries' own timers outlive `close()`).
 */
function sqlBackend(
  kind: BudgetStoreKind,
  create: (
    options: LimiterOptions,
    done?: (error?: unknown) => void,
  ) => RateLimiterPostgres | RateLimiterSQLite,
  closeConnection: () => Promise<void>,
): BudgetBackend {
  const createTable = () =>
    new Promise<void>((resolve, reject) => {
      create({ keyPrefix: 'budget-table', points: 1, duration: 1, tableCreated: false }, (error) =>
        error ? reject(error) : resolve(),
      );
    });
  const table = createTable().catch((error: unknown) => {
    const code = (error as { code?: string }).code;
    if (code && CREATED_CONCURRENTLY.has(code)) return createTable();
    throw error;
  });
  // Awaited by ready(); until then a failure must not count as unhandled.
  table.catch(() => {});
  const limiters: SqlLimiter[] = [];
  const clear = () => {
    for (const limiter of limiters) limiter.clearExpired(Date.now() - 3_600_000).catch(() => {});
  };
  const timer = setInterval(clear, CLEAR_EVERY_MS);
  timer.unref();
  return {
    kind,
    limiter(keyPrefix, points, duration) {
      const limiter = create({ keyPrefix, points, duration, tableCreated: true });
      limiters.push(limiter as SqlLimiter);
      return limiter;
    },
    ready: () => table,
    close: async () => {
      clearInterval(timer);
      await table.catch(() => {});
      await closeConnection();
    },
  };
}

function postgresBackend(options: BudgetBackendOptions): BudgetBackend {
  const { connectTimeoutMs, commandTimeoutMs } = timeoutsOf(options);
  // A pool of its own, small: a budget check is two or three short queries per turn.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 3,
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: commandTimeoutMs,
    statement_timeout: commandTimeoutMs,
  });
  pool.on('error', (error) =>
    options.logger?.warn({ err: error }, 'budgets: postgres connection error'),
  );
  return sqlBackend(
    'postgres',
    (limits, done) =>
      new RateLimiterPostgres(
        {
          ...limits,
          storeClient: pool,
          storeType: 'pool',
          tableName: TABLE,
          schemaName: options.databaseSchema ?? 'public',
          clearExpiredByTimeout: false,
        },
        done,
      ),
    () => pool.end(),
  );
}

function sqliteBackend(options: BudgetBackendOptions): BudgetBackend {
  const file = budgetsFileFor(options.databasePath);
  // A file that cannot be opened fails the limiters' table creation, hence every budget check.
  const database = new sqlite3.Database(file, (error) => {
    if (error) options.logger?.error({ err: error, path: file }, 'budgets: cannot open sqlite');
  });
  database.configure('busyTimeout', timeoutsOf(options).commandTimeoutMs);
  return sqlBackend(
    'sqlite',
    (limits, done) =>
      new RateLimiterSQLite(
        {
          ...limits,
          storeClient: database,
          storeType: 'sqlite3',
          tableName: TABLE,
          clearExpiredByTimeout: false,
        },
        done,
      ),
    () => new Promise<void>((resolve) => database.close(() => resolve())),
  );
}
