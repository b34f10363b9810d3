/**
 * Part of the store contract (contract.ts): the candidate index (listing, newest active), the
 * places that hold an interview, forgetting a candidate, retention, and append-only turns.
 */
import { describe, expect, it } from 'vitest';
import type { OpenStore } from './contract.ts';
import { candidateTurn, makeSession, nextVersion } from './sessions.ts';

export function indexAndRetentionContract(open: OpenStore): void {
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
}
