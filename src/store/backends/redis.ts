/**
 * Connections for the Redis backend: a Keyv on @keyv/redis (which brings its own node-redis
 * client) for plain reads, and an ioredis client for our scripts, locks and counters.
 * Both connect up front so a wrong REDIS_URL stops start-up at once with one clear message
 * (no reconnect loop at start-up; once connected, a dropped connection is retried as usual).
 */
import KeyvRedis from '@keyv/redis';
import { Redis } from 'ioredis';
import Keyv from 'keyv';
import { SetupError } from '../../setup-error.ts';
import { messageOf } from './error-message.ts';
import { plainJson } from './json-serializer.ts';
import type { EngineLogger } from '../../engine/ports.ts';

const CONNECT_TIMEOUT_MS = 5_000;

export interface RedisBackend {
  keyv: Keyv;
  redis: Redis;
  close(): Promise<void>;
}

export async function openRedis(
  url: string,
  namespace: string,
  logger: EngineLogger,
): Promise<RedisBackend> {
  const where = redactUrl(url);
  let connected = false;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
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

  // throwOnErrors on the adapter too: by default it turns a failed GET into "absent". Its own
  // connectionTimeout is not used: it leaves a timer behind that holds the process at exit.
  const adapter = new KeyvRedis(
    { url, socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: false } },
    { namespace, throwOnErrors: true, throwOnConnectError: true },
  );
  const keyv = new Keyv(adapter, {
    namespace,
    useKeyPrefix: false,
    throwOnErrors: true,
    ...plainJson,
  });
  keyv.on('error', (error: unknown) => {
    if (connected) logger.warn({ err: error, redis: where }, 'keyv redis error');
  });
  // The adapter's own rejection is generic ("not connected… throwOnConnectError"); the error
  // it emitted just before says what the server answered.
  let adapterError: unknown;
  adapter.on('error', (error: unknown) => {
    adapterError ??= error;
  });
  try {
    await adapter.getClient();
  } catch (error) {
    redis.disconnect();
    throw cannotConnect(where, adapterError ?? error);
  }

  return {
    keyv,
    redis,
    close: async () => {
      connected = false;
      await Promise.allSettled([keyv.disconnect(), redis.quit()]);
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
