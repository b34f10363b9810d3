import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/store/backends/redis.ts';
import { createStore } from '../../src/store/index.ts';
import { keys, redisKey } from '../../src/store/keys.ts';
import { RedisLeases } from '../../src/store/redis-lock.ts';
import { storeContract } from './contract.ts';
import { deleteNamespace, redisUrl, uniqueNamespace } from './redis-helpers.ts';
import { candidateTurn, makeSession, nextVersion } from './sessions.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('redis connection settings (no Redis needed)', () => {
  it('hides the password when describing the URL', () => {
    expect(redactUrl('redis://:hunter2@cache.internal:6380/2')).toBe(
      'redis://:***@cache.internal:6380/2',
    );
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });

  it('stops start-up with a clear message when Redis cannot be reached', async () => {
    const attempt = createStore({ redisUrl: 'redis://:hunter2@127.0.0.1:1' });
    await expect(attempt).rejects.toThrow(
      /REDIS_URL: cannot use Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/,
    );
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });

  it('a refused connection leaves no timer behind that would hold the process at exit', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    await expect(createStore({ redisUrl: 'redis://127.0.0.1:1' })).rejects.toThrow(/ECONNREFUSED/);
    expect(timers()).toBeLessThanOrEqual(before);
  });
});

describe.skipIf(!redisUrl)('redis store open and close (needs REDIS_URL)', () => {
  it('leaves no timer behind that would hold the process at exit', () => {
    // In a process of its own, so no other test's timers count.
    const script = `
      const { createStore } = await import('./src/store/index.ts');
      const store = await createStore({ redisUrl: process.env.REDIS_URL, namespace: 'mli-test-exit' });
      await store.close();
      process.stdout.write(JSON.stringify(process.getActiveResourcesInfo()));
    `;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: path.resolve(import.meta.dirname, '../..'), encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).not.toContain('Timeout');
  });

  it('a database the server does not have is refused at once, naming REDIS_URL', async () => {
    const url = new URL(redisUrl!);
    url.pathname = '/99';
    await expect(createStore({ redisUrl: url.toString() })).rejects.toThrow(
      /^REDIS_URL: cannot use Redis at .*\/99 \(ERR DB index is out of range\)/,
    );
  });
});

describe.skipIf(!redisUrl)('redis store (needs REDIS_URL)', () => {
  const namespace = uniqueNamespace('store');
  const admin = redisUrl ? new Redis(redisUrl) : (undefined as unknown as Redis);
  const raw = (key: string) => redisKey(namespace, key);

  afterAll(async () => {
    await deleteNamespace(admin, namespace);
    await admin.quit();
  });

  storeContract({
    open: (options) => createStore({ redisUrl, namespace, ...options }),
    breakStorage: async (_handle, sessionId, candidateId) => {
      // Wrong value types: Redis answers WRONGTYPE, a real server-side error.
      await admin.del(raw(keys.header(sessionId)), raw(keys.candidateIndex(candidateId)));
      await admin.hset(raw(keys.header(sessionId)), 'not', 'a string');
      await admin.set(raw(keys.candidateIndex(candidateId)), 'not a hash');
    },
  });

  it('describes itself without the password and keeps every key in its namespace', async () => {
    const own = uniqueNamespace('layout');
    const raw = (key: string) => redisKey(own, key);
    const handle = await createStore({ redisUrl, namespace: own });
    expect(handle.kind).toBe('redis');
    expect(handle.describe()).toBe(`redis ${redisUrl!.replace(/\/$/, '')} (namespace ${own})`);
    const session = makeSession({ turns: [candidateTurn('t1', 'hello')] });
    await handle.store.put(session, 0);
    await handle.store.claimOnce('event-1', 60_000);
    await handle.counters.incrementWindow('turns:x', 1, 60_000);
    await handle.lock.withLock('session:x', async () => {
      expect(await admin.exists(raw(keys.lock('session:x')))).toBe(1);
    });
    expect(await admin.exists(raw(keys.lock('session:x')))).toBe(0);
    const [, found] = await admin.scan('0', 'MATCH', `${own}::*`, 'COUNT', 1000);
    expect(found.sort()).toEqual(
      [
        keys.header(session.id),
        keys.version(session.id),
        keys.turns(session.id),
        keys.stages(session.id),
        keys.candidateIndex(session.candidateId),
        keys.claim('event-1'),
        keys.counter('turns:x'),
      ]
        .map(raw)
        .sort(),
    );
    await handle.close();
    await deleteNamespace(admin, own);
  });

  it('shares sessions, versions and locks between two independent handles', async () => {
    const [a, b] = await Promise.all([
      createStore({ redisUrl, namespace }),
      createStore({ redisUrl, namespace }),
    ]);
    const v1 = makeSession();
    await a.store.put(v1, 0);
    expect(await b.store.get(v1.id)).toEqual(v1);
    expect(await b.store.put(nextVersion(v1), 1)).toBe('ok');
    expect(await a.store.put(nextVersion(v1), 1)).toBe('conflict');

    // Each handle has its own in-process queue, so exclusion here comes from Redis alone.
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside++;
      most = Math.max(most, inside);
      await sleep(2);
      inside--;
    };
    await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).lock.withLock('session:shared', work)),
    );
    expect(most).toBe(1);
    await Promise.all([a.close(), b.close()]);
  });

  describe('leases', () => {
    // A long ttl, so a loaded machine cannot expire a lease in the middle of a test...
    const leases = () => new RedisLeases(admin, 60_000);
    // ...except where expiry is the point.
    const shortLeases = () => new RedisLeases(admin, 200);
    const lockKeys = (name: string) => ({
      key: raw(keys.lock(name)),
      nextKey: raw(keys.lockNext(name)),
    });

    it('are released and extended only by their holder', async () => {
      const lock = lockKeys('lease-holder');
      const holder = (await leases().tryAcquire(lock, 'holder'))!;
      expect(holder).toEqual({ key: lock.key, token: 'holder' });
      expect(await leases().tryAcquire(lock, 'other')).toBeNull();

      const impostor = { key: lock.key, token: 'other' };
      expect(await leases().release(impostor)).toBe(false);
      expect(await leases().extend(impostor)).toBe(false);
      expect(await admin.get(lock.key)).toBe('holder');

      expect(await leases().extend(holder)).toBe(true);
      expect(await leases().release(holder)).toBe(true);
      expect(await admin.exists(lock.key)).toBe(0);
    });

    it('free themselves after the ttl when the holder stops extending (crash)', async () => {
      const lock = lockKeys('lease-crash');
      const crashed = (await shortLeases().tryAcquire(lock, 'crashed'))!;
      await sleep(400);
      const next = (await leases().tryAcquire(lock, 'next'))!;
      expect(next).not.toBeNull();
      // The crashed holder coming back cannot release or extend the new holder's lease.
      expect(await leases().release(crashed)).toBe(false);
      expect(await leases().extend(crashed)).toBe(false);
      expect(await admin.get(lock.key)).toBe('next');
      await leases().release(next);
    });

    it('keep a freed lock for the contender that waited, not for a newcomer', async () => {
      const lock = lockKeys('lease-line');
      const first = (await leases().tryAcquire(lock, 'first'))!;
      expect(await leases().tryAcquire(lock, 'waiter')).toBeNull(); // busy: waiter lines up
      expect(await leases().tryAcquire(lock, 'newcomer')).toBeNull(); // busy, line taken
      await leases().release(first);
      expect(await leases().tryAcquire(lock, 'newcomer')).toBeNull(); // free, but not its turn
      expect(await leases().tryAcquire(lock, 'first')).toBeNull(); // nor the previous holder's
      const waiter = (await leases().tryAcquire(lock, 'waiter'))!;
      expect(waiter.token).toBe('waiter');
      expect(await admin.exists(lock.nextKey)).toBe(0);
      await leases().release(waiter);
    });

    it('let a waiter that gives up leave the line', async () => {
      const lock = lockKeys('lease-leave');
      const holder = (await leases().tryAcquire(lock, 'holder'))!;
      expect(await leases().tryAcquire(lock, 'quitter')).toBeNull();
      await leases().leaveLine(lock, 'someone-else'); // only the one in line can leave it
      expect(await admin.get(lock.nextKey)).toBe('quitter');
      await leases().leaveLine(lock, 'quitter');
      await leases().release(holder);
      expect(await leases().tryAcquire(lock, 'newcomer')).not.toBeNull();
      await admin.del(lock.key);
    });
  });

  it('keeps the lock past its ttl while the work runs, against another process', async () => {
    const ttlMs = 1_000; // extended every ~333 ms: wide margin for a loaded machine
    const [holder, contender] = await Promise.all([
      createStore({ redisUrl, namespace, lock: { ttlMs } }),
      createStore({ redisUrl, namespace, lock: { ttlMs, maxWaitMs: 10_000 } }),
    ]);
    const order: string[] = [];
    const long = holder.lock.withLock('session:extended', async () => {
      order.push('long:start');
      await sleep(ttlMs * 2.5);
      expect(await admin.pttl(raw(keys.lock('session:extended')))).toBeGreaterThan(0);
      order.push('long:end');
    });
    await sleep(20);
    const next = contender.lock.withLock('session:extended', async () => {
      order.push('next');
    });
    await Promise.all([long, next]);
    expect(order).toEqual(['long:start', 'long:end', 'next']);
    await Promise.all([holder.close(), contender.close()]);
  });

  it('lets a waiting process in before a busy process takes the lock again', async () => {
    const [busy, waiting] = await Promise.all([
      createStore({ redisUrl, namespace }),
      createStore({ redisUrl, namespace }),
    ]);
    const order: string[] = [];
    let waiter: Promise<void> | undefined;
    for (let i = 0; i < 8; i++) {
      await busy.lock.withLock('session:fair', async () => {
        order.push(`busy-${i}`);
        if (i === 0) {
          // Starts while `busy` holds the lock, so its first attempt finds it taken.
          waiter = waiting.lock.withLock('session:fair', async () => {
            order.push('waiting');
          });
          await sleep(50);
        }
      });
    }
    await waiter;
    expect(order.indexOf('waiting')).toBeGreaterThan(0);
    expect(order.indexOf('waiting')).toBeLessThan(order.length - 1);
    await Promise.all([busy.close(), waiting.close()]);
  });
});
