/**
 * Part of the store contract (contract.ts): the coordination primitives beside the sessions —
 * claim-once keys, the place index, windowed counters and the per-key lock.
 */
import { describe, expect, it } from 'vitest';
import { LockBusyError } from '../../src/engine/ports.ts';
import type { OpenStore } from './contract.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise plus its resolver: lets a test decide when a lock holder finishes. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

export function claimsCountersAndLocksContract(open: OpenStore): void {
  describe('claimOnce', () => {
    it('is true the first time only, per key', async () => {
      const { store } = await open();
      const key = `event:${Math.random()}`;
      expect(await store.claimOnce(key, 60_000)).toBe(true);
      expect(await store.claimOnce(key, 60_000)).toBe(false);
      expect(await store.claimOnce(`${key}:other`, 60_000)).toBe(true);
    });

    it('gives one winner among concurrent claims', async () => {
      const { store } = await open();
      const key = `event:${Math.random()}`;
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.claimOnce(key, 60_000)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('can be claimed again once its ttl has passed', async () => {
      const { store } = await open();
      const key = `event:${Math.random()}`;
      expect(await store.claimOnce(key, 50)).toBe(true);
      await sleep(150);
      expect(await store.claimOnce(key, 60_000)).toBe(true);
      expect(await store.claimOnce(key, 60_000)).toBe(false);
    });
  });

  describe('place index', () => {
    it('answers which interview a place holds; a newer one there replaces it', async () => {
      const { store } = await open();
      const place = `discord:dm:${Math.random().toString(36).slice(2)}`;
      expect(await store.sessionAtPlace(place)).toBeNull();
      await store.setPlace(place, 'first');
      expect(await store.sessionAtPlace(place)).toBe('first');
      await store.setPlace(place, 'second');
      expect(await store.sessionAtPlace(place)).toBe('second');
      expect(await store.sessionAtPlace(`${place}:other`)).toBeNull();
    });
  });

  describe('counters', () => {
    it('adds up within a window, atomically, and starts over after it', async () => {
      const { counters } = await open();
      const key = `tokens:${Math.random()}`;
      expect(await counters.readWindow(key)).toEqual({ total: 0, resetsInMs: 0 });
      expect(await counters.incrementWindow(key, 5, 60_000)).toBe(5);
      const totals = await Promise.all(
        Array.from({ length: 10 }, () => counters.incrementWindow(key, 1, 60_000)),
      );
      expect([...totals].sort((x, y) => x - y)).toEqual([6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
      const window = await counters.readWindow(key);
      expect(window.total).toBe(15);
      expect(window.resetsInMs).toBeGreaterThan(0);
      expect(window.resetsInMs).toBeLessThanOrEqual(60_000);

      const short = `turns:${Math.random()}`;
      expect(await counters.incrementWindow(short, 1, 50)).toBe(1);
      await sleep(150);
      expect(await counters.incrementWindow(short, 1, 50)).toBe(1);
    });
  });

  describe('lock', () => {
    it('lets one holder at a time run per key', async () => {
      const { lock } = await open();
      let inside = 0;
      let most = 0;
      await Promise.all(
        Array.from({ length: 15 }, () =>
          lock.withLock('session:mutex', async () => {
            inside++;
            most = Math.max(most, inside);
            await sleep(1);
            inside--;
          }),
        ),
      );
      expect(most).toBe(1);
    });

    it('does not block other keys', async () => {
      const { lock } = await open();
      const other = gate();
      await lock.withLock('session:a', async () => {
        // Holding `a`, `b` must still run to completion.
        void lock.withLock('session:b', async () => other.open());
        await other.opened;
      });
    });

    it('queues waiters and runs them in arrival order', async () => {
      const { lock } = await open();
      const order: string[] = [];
      const holder = gate();
      const first = lock.withLock('session:fifo', async () => {
        order.push('holder');
        await holder.opened;
      });
      await sleep(20); // the holder is in
      const waiters = ['w1', 'w2', 'w3', 'w4'].map((name) =>
        lock.withLock('session:fifo', async () => {
          order.push(name);
          return name;
        }),
      );
      holder.open();
      expect(await Promise.all(waiters)).toEqual(['w1', 'w2', 'w3', 'w4']);
      await first;
      expect(order).toEqual(['holder', 'w1', 'w2', 'w3', 'w4']);
    });

    it('releases the lock when the work throws, and passes the error on', async () => {
      const { lock } = await open();
      await expect(
        lock.withLock('session:throws', async () => {
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await lock.withLock('session:throws', async () => 'next')).toBe('next');
    });

    it('throws LockBusyError when the wait limit passes, and recovers after', async () => {
      const { lock } = await open({ lock: { maxWaitMs: 100 } });
      const holder = gate();
      const held = lock.withLock('session:busy', () => holder.opened);
      await sleep(20);
      await expect(lock.withLock('session:busy', async () => 'never')).rejects.toBeInstanceOf(
        LockBusyError,
      );
      holder.open();
      await held;
      expect(await lock.withLock('session:busy', async () => 'free')).toBe('free');
    });

    // Within one handle; redis.test.ts checks the same against a second handle, where only
    // the extension of the Redis lease keeps the contender out.
    it('stays held while the work outlasts the lock ttl', async () => {
      const ttlMs = 300;
      const { lock } = await open({ lock: { ttlMs, maxWaitMs: 10_000 } });
      const order: string[] = [];
      const long = lock.withLock('session:long', async () => {
        order.push('long:start');
        await sleep(ttlMs * 4);
        order.push('long:end');
      });
      await sleep(20);
      const next = lock.withLock('session:long', async () => {
        order.push('next');
      });
      await Promise.all([long, next]);
      expect(order).toEqual(['long:start', 'long:end', 'next']);
    });
  });
}
