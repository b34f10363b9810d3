/** Shared by the Redis tests: a unique namespace per run, and removing it afterwards. */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

export const redisUrl = process.env.REDIS_URL;

export function uniqueNamespace(label: string): string {
  return `mli-test-${label}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

export async function deleteNamespace(redis: Redis, namespace: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${namespace}::*`, 'COUNT', 500);
    if (found.length > 0) await redis.del(...found);
    cursor = next;
  } while (cursor !== '0');
}
