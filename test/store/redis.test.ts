import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/store/backends/redis.ts';
import { createStore } from '../../src/store/index.ts';
import { keys, redisKey } from '../../src/store/keys.ts';
import { RedisLeases } from '../../src/store/redis-lock.ts';
import { storeContract } from './contract.ts';
import { deleteNamespace, redisUrl, uniqueNamespace } from './redis-helpers.ts';
import { makeSession, nextVersion } from './sessions.ts';

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
      /cannot connect to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/,
    );
    await expect(attempt).rejects.not.toThrow(/hunter2/);
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
    open: (options) => createStore({ redisUrl, namespace, lock: options?.lock }),
    breakStorage: async (_handle, sessionId, candidateId) => {
      // Wrong value types: Redis answers WRONGTYPE, a real server-side error.
      await admin.del(raw(keys.session(sessionId)), raw(keys.candidateIndex(candidateId)));
      await admin.hset(raw(keys.session(sessionId)), 'not', 'a string');
      await admin.set(raw(keys.candidateIndex(candidateId)), 'not a hash');
    },
  });

  it('describes itself without the password and keeps every key in its namespace', async () => {
    const own = uniqueNamespace('layout');
    const raw = (key: string) => redisKey(own, key);
    const handle = await createStore({ redisUrl, namespace: own });
    expect(handle.kind).toBe('redis');
    expect(handle.describe()).toBe(`redis ${redisUrl!.replace(/\/$/, '')} (namespace ${own})`);
    const session = makeSession();
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
        keys.session(session.id),
        keys.version(session.id),
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
    const leases = () => new RedisLeases(admin, 200);

    it('are released and extended only by their holder', async () => {
      const key = raw(keys.lock('lease-holder'));
      const holder = (await leases().tryAcquire(key))!;
      expect(holder).not.toBeNull();
      expect(await leases().tryAcquire(key)).toBeNull();

      const impostor = { key, token: 'someone-else' };
      expect(await leases().release(impostor)).toBe(false);
      expect(await leases().extend(impostor)).toBe(false);
      expect(await admin.get(key)).toBe(holder.token);

      expect(await leases().extend(holder)).toBe(true);
      expect(await leases().release(holder)).toBe(true);
      expect(await admin.exists(key)).toBe(0);
    });

    it('free themselves after the ttl when the holder stops extending (crash)', async () => {
      const key = raw(keys.lock('lease-crash'));
      const crashed = (await leases().tryAcquire(key))!;
      await sleep(400);
      const next = (await leases().tryAcquire(key))!;
      expect(next).not.toBeNull();
      // The crashed holder coming back cannot release or extend the new holder's lease.
      expect(await leases().release(crashed)).toBe(false);
      expect(await leases().extend(crashed)).toBe(false);
      expect(await admin.get(key)).toBe(next.token);
      await leases().release(next);
    });
  });
});
