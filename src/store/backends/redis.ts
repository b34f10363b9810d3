/**
 * Connections for the Redis backend: a Keyv on @keyv/redis (which brings its own node-redis
 * client) for plain reads, and an ioredis client for our scripts, locks and counters.
 * Both connect up front so a wrong REDIS_URL stops start-up with a clear message.
 */
import KeyvRedis from '@keyv/redis';
import { Redis } from 'ioredis';
import Keyv from 'keyv';
import { messageOf } from './error-message.ts';
import { plainJson } from './json-serializer.ts';
import type { EngineLogger } from '../../engine/ports.ts';

const CONNECT_TIMEOUT_MS = 10_000;

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
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS });
  let lastError: unknown;
  redis.on('error', (error: unknown) => {
    lastError = error;
    logger.warn({ err: error, redis: where }, 'redis connection error');
  });
  try {
    await redis.connect();
  } catch (error) {
    redis.disconnect();
    throw new Error(`cannot connect to Redis at ${where}: ${messageOf(lastError ?? error)}`);
  }

  // throwOnErrors on the adapter too: by default it turns a failed GET into "absent".
  const adapter = new KeyvRedis(url, {
    namespace,
    throwOnErrors: true,
    throwOnConnectError: true,
    connectionTimeout: CONNECT_TIMEOUT_MS,
  });
  const keyv = new Keyv(adapter, {
    namespace,
    useKeyPrefix: false,
    throwOnErrors: true,
    ...plainJson,
  });
  keyv.on('error', (error: unknown) =>
    logger.warn({ err: error, redis: where }, 'keyv redis error'),
  );
  try {
    await adapter.getClient();
  } catch (error) {
    redis.disconnect();
    throw new Error(`cannot connect to Redis at ${where}: ${messageOf(error)}`);
  }

  return {
    keyv,
    redis,
    close: async () => {
      await Promise.allSettled([keyv.disconnect(), redis.quit()]);
    },
  };
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
