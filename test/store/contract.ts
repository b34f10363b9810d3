/**
 * One behaviour contract for every store backend (memory, sqlite, redis). Each backend's test
 * file calls `storeContract` with a way to open a handle on that backend and to break its
 * storage underneath it. Groups of behaviours live beside it (contract-*.ts,
 * review-fields-contract.ts); this file has the sessions themselves and store errors.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/engine/ports.ts';
import type { LockOptions, StoreHandle } from '../../src/store/index.ts';
import { claimsCountersAndLocksContract } from './contract-claims-counters-locks.ts';
import { indexAndRetentionContract } from './contract-index-and-retention.ts';
import { reviewFieldsContract } from './review-fields-contract.ts';
import { candidateTurn, makeSession, nextVersion } from './sessions.ts';

export interface OpenOptions {
  lock?: LockOptions;
  retentionDays?: number;
  /** The engine's clock, which retention is measured on. */
  clock?: Clock;
}

/** Opens a store handle for one test (closed after it); how every group of behaviours gets one. */
export type OpenStore = (options?: OpenOptions) => Promise<StoreHandle>;

export interface ContractBackend {
  /** Open a handle on the backend (a fresh one per call; tests use unique ids). */
  open(options?: OpenOptions): Promise<StoreHandle>;
  /** Make the storage under `handle` fail when reading this session and candidate index. */
  breakStorage(handle: StoreHandle, sessionId: string, candidateId: string): Promise<void>;
  /** Remove everything the suite wrote. */
  cleanup?(): Promise<void>;
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

  indexAndRetentionContract(open);

  claimsCountersAndLocksContract(open);

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
