/**
 * The stores the engine benchmark runs on, each opened through the project's own
 * `createStore` exactly as the app opens it, in a throwaway place: a temporary sqlite file, a
 * Redis namespace of its own. `cleanup()` removes what the run wrote.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createStore, type StoreHandle, type StoreKind } from '../../src/store/index.ts';

export interface BenchStore {
  handle: StoreHandle;
  cleanup(): Promise<void>;
}

export async function openBenchStore(kind: StoreKind, redisUrl?: string): Promise<BenchStore> {
  if (kind === 'memory') {
    const handle = await createStore({ memory: true });
    return { handle, cleanup: () => handle.close() };
  }
  if (kind === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'mli-bench-'));
    const handle = await createStore({ databasePath: join(dir, 'bench.sqlite') });
    return {
      handle,
      cleanup: async () => {
        await handle.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  if (!redisUrl) throw new Error('the redis store needs REDIS_URL');
  const namespace = `mli-bench-${process.pid}-${randomUUID().slice(0, 8)}`;
  const handle = await createStore({ redisUrl, namespace });
  return {
    handle,
    cleanup: async () => {
      await handle.close();
      await deleteRedisNamespace(redisUrl, namespace);
    },
  };
}

/** Delete every key of `namespace` (the `<namespace>::` prefix the store uses). */
export async function deleteRedisNamespace(redisUrl: string, namespace: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${namespace}*`, 'COUNT', 1000);
      if (found.length > 0) await redis.del(...found);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
