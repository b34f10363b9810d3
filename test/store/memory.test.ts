import { describe, expect, it } from 'vitest';
import { createMemoryKeyv } from '../../src/store/backends/memory.ts';
import { createStore, type StoreHandle, storeOnKeyv } from '../../src/store/index.ts';
import { storeContract } from './contract.ts';

/** A Map that can be made to fail, standing in for a broken storage backend. */
class BreakableMap<K, V> extends Map<K, V> {
  broken = false;
  override get(key: K): V | undefined {
    if (this.broken) throw new Error('storage is broken');
    return super.get(key);
  }
}

const maps = new WeakMap<StoreHandle, BreakableMap<string, unknown>>();

describe('memory store', () => {
  storeContract({
    open: async (options) => {
      const map = new BreakableMap<string, unknown>();
      const handle = storeOnKeyv(createMemoryKeyv('test', map), {
        kind: 'memory',
        description: 'memory',
        lock: options?.lock,
        retentionMs: (options?.retentionDays ?? 180) * 86_400_000,
        now: options?.clock ? () => options.clock!.now() : undefined,
        close: async () => {},
      });
      maps.set(handle, map);
      return handle;
    },
    breakStorage: async (handle) => {
      maps.get(handle)!.broken = true;
    },
  });

  it('is chosen when asked, even with a Redis URL', async () => {
    const handle = await createStore({ memory: true, redisUrl: 'redis://127.0.0.1:1' });
    expect(handle.kind).toBe('memory');
    expect(handle.describe()).toMatch(/^memory/);
    await handle.close();
  });
});
