/**
 * One behaviour contract for every store backend (memory, sqlite, redis). Each backend's test
 * file calls `storeContract` with a way to open a handle on that backend and to break its
 * storage underneath it.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type Clock, LockBusyError } from '../../src/engine/ports.ts';
import type { LockOptions, StoreHandle } from '../../src/store/index.ts';
import { reviewFieldsContract } from './review-fields-contract.ts';
import { candidateTurn, makeSession, nextVersion } from './sessions.ts';

export interface OpenOptions {
  lock?: LockOptions;
  retentionDays?: number;
  /** The engine's clock, which retention is measured on. */
  clock?: Clock;
}

export interface ContractBackend {
  /** Open a handle on the backend (a fresh one per call; tests use unique ids). */
  open(options?: OpenOptions): Promise<StoreHandle>;
  /** Make the storage under `handle` fail when reading this session and candidate index. */
  breakStorage(handle: StoreHandle, sessionId: string, candidateId: string): Promise<void>;
  /** Remove everything the suite wrote. */
  cleanup?(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A promise plus its resolver: lets a test decide when a lock holder finishes. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

export function storeContract(backend: ContractBackend): void {
  const handles: StoreHandle[] = [];
  const open = async (options?: OpenOptions) => {
    const handle = await backend.open(options);
    handles.push(handle);
    return handle;
  };
  afterEach(async () => {
    await Promise.all(handles.splice(0).map((h) => h.close()));
  });
  afterAll(async () => {
    await backend.cleanup?.();
  });

  describe('sessions', () => {
    it('returns null for an unknown session', async () => {
      const { store } = await open();
      expect(await store.get('no-such-session')).toBeNull();
    });

    it('stores a new session at version 1 and reads it back unchanged', async () => {
      const { store } = await open();
      const session = makeSession({
        turns: [
          candidateTurn('t1', '我们先澄清需求：DAU 多少？ "quotes" \\ and ::colons::'),
          // Keyv's serializer gives strings starting with ':' a meaning (e.g. ':base64:').
          candidateTurn('t2', ':base64:aGVsbG8='),
          candidateTurn('t3', '::double'),
        ],
      });
      expect(await store.put(session, 0)).toBe('ok');
      expect(await store.get(session.id)).toEqual(session);
    });

    reviewFieldsContract(open);

    it('returns copies: changing a read session does not change the stored one', async () => {
      const { store } = await open();
      const session = makeSession();
      await store.put(session, 0);
      const read = (await store.get(session.id))!;
      read.turns.push(candidateTurn('t1', 'local change'));
      expect((await store.get(session.id))!.turns).toEqual([]);
    });

    it('writes only when the stored version is the expected one', async () => {
      const { store } = await open();
      const v1 = makeSession();
      expect(await store.put(v1, 0)).toBe('ok');
      expect(await store.put(makeSession({ id: v1.id }), 0)).toBe('conflict');

      const v2 = nextVersion(v1, { turns: [candidateTurn('t1', 'first')] });
      expect(await store.put(v2, 1)).toBe('ok');
      const stale = nextVersion(v1, { turns: [candidateTurn('t1', 'lost update')] });
      expect(await store.put(stale, 1)).toBe('conflict');

      expect(await store.get(v1.id)).toEqual(v2);
    });

    it('lets exactly one of many concurrent writers of the same version win', async () => {
      const { store } = await open();
      const v1 = makeSession();
      await store.put(v1, 0);
      const writers = Array.from({ length: 10 }, (_, i) =>
        nextVersion(v1, { turns: [candidateTurn(`t${i}`, `writer ${i}`)] }),
      );
      const results = await Promise.all(writers.map((w) => store.put(w, 1)));
      expect(results.filter((r) => r === 'ok')).toHaveLength(1);
      const winner = writers[results.indexOf('ok')];
      expect(await store.get(v1.id)).toEqual(winner);
    });

    it('rejects a session whose version is not expectedVersion + 1', async () => {
      const { store } = await open();
      await expect(store.put(makeSession({ version: 3 }), 0)).rejects.toThrow(/version/);
    });
  });

  describe('candidate index', () => {
    it('lists the candidate’s sessions newest first, up to the limit', async () => {
      const { store } = await open();
      const candidateId = `discord:${Math.random()}`;
      const a = makeSession({ candidateId, createdAt: 1000 });
      const b = makeSession({ candidateId, createdAt: 3000, scenarioId: 'search-ranking' });
      const c = makeSession({ candidateId, createdAt: 2000 });
      const stranger = makeSession({ createdAt: 4000 });
      for (const s of [a, b, c, stranger]) await store.put(s, 0);

      const all = await store.listByCandidate(candidateId, 10);
      expect(all.map((s) => s.id)).toEqual([b.id, c.id, a.id]);
      expect(all[0]).toEqual({
        id: b.id,
        scenarioId: 'search-ranking',
        status: 'active',
        createdAt: 3000,
      });
      expect((await store.listByCandidate(candidateId, 2)).map((s) => s.id)).toEqual([b.id, c.id]);
      expect(await store.listByCandidate('nobody', 10)).toEqual([]);
    });

    it('keeps one entry per session, updated by each write', async () => {
      const { store } = await open();
      const v1 = makeSession();
      await store.put(v1, 0);
      await store.put(nextVersion(v1, { status: 'finished' }), 1);
      expect(await store.listByCandidate(v1.candidateId, 10)).toEqual([
        { id: v1.id, scenarioId: v1.scenarioId, status: 'finished', createdAt: v1.createdAt },
      ]);
    });

    it('finds the newest active session, skipping finished and abandoned ones', async () => {
      const { store } = await open();
      const candidateId = `slack:T1:${Math.random()}`;
      expect(await store.lastActive(candidateId)).toBeNull();

      const older = makeSession({ candidateId, createdAt: 1000 });
      const newer = makeSession({ candidateId, createdAt: 2000 });
      await store.put(older, 0);
      await store.put(newer, 0);
      expect(await store.lastActive(candidateId)).toBe(newer.id);

      await store.put(nextVersion(newer, { status: 'finished' }), 1);
      expect(await store.lastActive(candidateId)).toBe(older.id);

      await store.put(nextVersion(older, { status: 'abandoned' }), 1);
      expect(await store.lastActive(candidateId)).toBeNull();
    });
  });

  describe('places, deletion and retention', () => {
    it('remembers which session a place holds, and moves it to a new session', async () => {
      const { store } = await open();
      const place = `discord:thread:${Math.random()}`;
      expect(await store.sessionAtPlace(place)).toBeNull();
      const a = makeSession();
      const b = makeSession({ candidateId: a.candidateId });
      await store.put(a, 0);
      await store.setPlace(place, a.id);
      expect(await store.sessionAtPlace(place)).toBe(a.id);
      await store.put(b, 0);
      await store.setPlace(place, b.id);
      expect(await store.sessionAtPlace(place)).toBe(b.id);
    });

    it('forgets a candidate: sessions, turns, index and places; others untouched', async () => {
      const { store } = await open();
      const mine = makeSession({ turns: [candidateTurn('t1', 'my words')] });
      const mineToo = makeSession({ candidateId: mine.candidateId, status: 'finished' });
      const theirs = makeSession({ turns: [candidateTurn('t2', 'their words')] });
      for (const s of [mine, mineToo, theirs]) await store.put(s, 0);
      await store.put(
        nextVersion(mine, { turns: [...mine.turns, candidateTurn('t3', 'more')] }),
        1,
      );
      await store.setPlace(`place:${mine.id}`, mine.id);
      await store.setPlace(`place:${theirs.id}`, theirs.id);

      expect(await store.forgetCandidate(mine.candidateId)).toBe(2);
      expect(await store.get(mine.id)).toBeNull();
      expect(await store.get(mineToo.id)).toBeNull();
      expect(await store.listByCandidate(mine.candidateId, 10)).toEqual([]);
      expect(await store.lastActive(mine.candidateId)).toBeNull();
      expect(await store.sessionAtPlace(`place:${mine.id}`)).toBeNull();
      expect(await store.get(theirs.id)).toEqual(theirs);
      expect(await store.sessionAtPlace(`place:${theirs.id}`)).toBe(theirs.id);
      expect(await store.forgetCandidate(mine.candidateId)).toBe(0);

      // The same id can start over (a new interview in the same thread).
      const again = makeSession({ id: mine.id, candidateId: mine.candidateId });
      expect(await store.put(again, 0)).toBe('ok');
      expect(await store.get(mine.id)).toEqual(again);
    });

    it('drops a finished session once its retention has passed, keeps active ones', async () => {
      const retentionDays = 1;
      const handle = await open({ retentionDays });
      const { store } = handle;
      const candidateId = `terminal:${Math.random()}`;
      const longAgo = Date.now() - 2 * 86_400_000;
      const old = makeSession({
        candidateId,
        status: 'finished',
        createdAt: longAgo,
        updatedAt: longAgo,
        finishedAt: longAgo,
      });
      const recent = makeSession({ candidateId, status: 'finished', finishedAt: Date.now() });
      const active = makeSession({ candidateId, createdAt: longAgo, updatedAt: longAgo });
      for (const s of [old, recent, active]) await store.put(s, 0);
      await handle.sweepExpired();
      expect(await store.get(old.id)).toBeNull();
      expect(await store.get(recent.id)).toEqual(recent);
      expect(await store.get(active.id)).toEqual(active);
      expect((await store.listByCandidate(candidateId, 10)).map((s) => s.id).sort()).toEqual(
        [recent.id, active.id].sort(),
      );
    });

    it("measures retention on the engine's clock, not the machine's", async () => {
      const DAY = 86_400_000;
      // One clock years ahead of the machine's, one years behind (an audit replaying 2023).
      for (const start of [Date.UTC(2035, 0, 1), Date.UTC(2023, 0, 1)]) {
        const clock = { t: start, now: () => clock.t };
        const handle = await open({ retentionDays: 1, clock });
        const { store } = handle;
        const candidateId = `terminal:${Math.random()}`;
        const finished = makeSession({
          candidateId,
          status: 'finished',
          createdAt: start,
          updatedAt: start,
          finishedAt: start,
        });
        await store.put(finished, 0);
        clock.t = start + DAY / 2;
        await handle.sweepExpired();
        expect(await store.get(finished.id), new Date(start).toISOString()).toEqual(finished);
        expect((await store.listByCandidate(candidateId, 10)).map((s) => s.id)).toEqual([
          finished.id,
        ]);
        clock.t = start + 2 * DAY;
        await handle.sweepExpired();
        expect(await store.get(finished.id), new Date(start).toISOString()).toBeNull();
        expect(await store.listByCandidate(candidateId, 10)).toEqual([]);
      }
    });

    it('keeps every finished session when retention is 0', async () => {
      const { store } = await open({ retentionDays: 0 });
      const longAgo = Date.now() - 5000 * 86_400_000;
      const old = makeSession({ status: 'finished', updatedAt: longAgo, finishedAt: longAgo });
      await store.put(old, 0);
      expect(await store.get(old.id)).toEqual(old);
    });

    it('reads back many turns appended one put at a time', async () => {
      const writer = await open();
      const reader = writer;
      let session = makeSession();
      await writer.store.put(session, 0);
      for (let i = 0; i < 30; i++) {
        const loaded = (await writer.store.get(session.id))!;
        session = nextVersion(loaded, {
          turns: [...loaded.turns, candidateTurn(`t${i}`, `answer ${i}`)],
        });
        expect(await writer.store.put(session, loaded.version)).toBe('ok');
        if (i % 7 === 0) expect(await reader.store.get(session.id)).toEqual(session);
      }
      expect(await reader.store.get(session.id)).toEqual(session);
      expect((await writer.store.get(session.id))!.turns.map((t) => t.id)).toEqual(
        Array.from({ length: 30 }, (_, i) => `t${i}`),
      );
    });

    it('refuses a put that drops stored turns (turns are append-only)', async () => {
      const { store } = await open();
      const v1 = makeSession({ turns: [candidateTurn('t1', 'a'), candidateTurn('t2', 'b')] });
      await store.put(v1, 0);
      await store.get(v1.id);
      await expect(store.put(nextVersion(v1, { turns: [] }), 1)).rejects.toThrow(/append-only/);
    });
  });

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

  describe('store errors', () => {
    it('surfaces a failing store as an error, never as "no session"', async () => {
      const handle = await open();
      const session = makeSession();
      await handle.store.put(session, 0);
      await backend.breakStorage(handle, session.id, session.candidateId);
      await expect(handle.store.get(session.id)).rejects.toThrow();
      await expect(handle.store.lastActive(session.candidateId)).rejects.toThrow();
      await expect(handle.store.listByCandidate(session.candidateId, 5)).rejects.toThrow();
    });
  });
}
