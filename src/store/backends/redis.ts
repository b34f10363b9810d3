/**
 * The ioredis connection for the Redis backend (sessions, scripts, locks, counters).
 * It connects up front so a wrong REDIS_URL stops start-up at once with one clear message
 * (no reconnect loop at start-up; once connected, a dropped connection is retried as usual).
 * Every command has a deadline (`commandTimeoutMs`): with Redis gone, a turn fails in seconds
 * instead of waiting for the socket to give up.
 */
import { Redis } from 'ioredis';
import { SetupError } from '../../setup-error.ts';
import { STORE_DEFAULTS } from '../defaults.ts';
import { messageOf } from './error-message.ts';
import type { EngineLogger } from '../../engine/ports.ts';

export interface StoreTimeouts {
  /** Connecting (and reconnecting) to the server, ms. */
  connectTimeoutMs: number;
  /** One command or query, ms. */
  commandTimeoutMs: number;
}

export const DEFAULT_STORE_TIMEOUTS: StoreTimeouts = STORE_DEFAULTS.timeouts;

export interface RedisBackend {
  redis: Redis;
  close(): Promise<void>;
}

export async function openRedis(
  url: string,
  logger: EngineLogger,
  timeouts: StoreTimeouts = DEFAULT_STORE_TIMEOUTS,
): Promise<RedisBackend> {
  const where = redactUrl(url);
  let connected = false;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeouts.connectTimeoutMs,
    commandTimeout: timeouts.commandTimeoutMs,
    // Commands issued while disconnected fail at once rather than queue past their deadline.
    maxRetriesPerRequest: 1,
    // At start-up one failure is the answer; afterwards reconnect with a capped backoff.
    retryStrategy: (times) => (connected ? Math.min(times * 200, 2_000) : null),
  });
  let lastError: unknown;
  redis.on('error', (error: unknown) => {
    lastError = error;
    if (connected) logger.warn({ err: error, redis: where }, 'redis connection error');
  });
  try {
    await redis.connect();
    // ioredis reports a refused SELECT (e.g. database 99 of 16) only as an event: ask directly.
    if (redis.options.db) await redis.select(redis.options.db);
  } catch (error) {
    // Not after a refused connection (status "end"): ioredis would then hold the process for
    // its 2 s disconnect timeout waiting for a socket that is already closed.
    if (redis.status !== 'end') redis.disconnect();
    throw cannotConnect(where, lastError ?? error);
  }
  connected = true;

  return {
    redis,
    close: async () => {
      connected = false;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** One line naming REDIS_URL, what the server said, and what to change. */
function cannotConnect(where: string, error: unknown): SetupError {
  const reason = messageOf(error);
  const fix = /DB index/i.test(reason)
    ? 'use a database number the server has (0-15 by default), e.g. redis://host:6379/0'
    : /NOAUTH|WRONGPASS|AUTH/i.test(reason)
      ? 'put the right user and password in REDIS_URL, e.g. redis://user:password@host:6379'
      : 'start Redis or correct the host and port in REDIS_URL, or unset REDIS_URL to use the sqlite file';
  return new SetupError({
    setting: 'REDIS_URL',
    problem: `cannot use Redis at ${where} (${reason})`,
    fix,
    cause: error,
  });
}

/** The URL without its password, for logs and `describe()`. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return 'redis (unparseable URL)';
  }
}
