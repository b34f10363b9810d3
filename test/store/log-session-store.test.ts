/** What a turn sends to and reads from the store: its own turns and the header, not the interview. */
import { describe, expect, it } from 'vitest';
import { createMemoryKeyv } from '../../src/store/backends/memory.ts';
import { KeyvSessionLog } from '../../src/store/keyv-session-log.ts';
import { LogSessionStore } from '../../src/store/log-session-store.ts';
import type { Commit, SessionLog } from '../../src/store/session-log.ts';
import { candidateTurn, makeSession, nextVersion } from './sessions.ts';

/** Records the turns each commit sends and each load returns. */
function spied(log: SessionLog) {
  const sent: number[] = [];
  const loaded: number[] = [];
  const spy: SessionLog = Object.assign(Object.create(log) as SessionLog, {
    commit: (commit: Commit) => {
      sent.push(commit.newTurns.length);
      return log.commit(commit);
    },
    load: async (id: string, from: number) => {
      const result = await log.load(id, from);
      if (result) loaded.push(result.turns.length);
      return result;
    },
  });
  return { spy, sent, loaded };
}

describe('a turn costs the same at answer 200 as at answer 1', () => {
  it('sends only the new turns and reads only the turns this process has not seen', async () => {
    const { spy, sent, loaded } = spied(new KeyvSessionLog(createMemoryKeyv('t')));
    const store = new LogSessionStore(spy);
    let session = makeSession();
    await store.put(session, 0);
    for (let i = 0; i < 200; i++) {
      const current = (await store.get(session.id))!;
      session = nextVersion(current, {
        turns: [
          ...current.turns,
          candidateTurn(`q${i}`, 'answer'),
          candidateTurn(`r${i}`, 'reply'),
        ],
      });
      expect(await store.put(session, current.version)).toBe('ok');
    }
    expect(sent.slice(1).every((n) => n === 2)).toBe(true);
    // The first read loads nothing (no turns yet); every later one finds all turns cached.
    expect(loaded.every((n) => n === 0)).toBe(true);
    expect((await store.get(session.id))!.turns).toHaveLength(400);
  });

  it('a second process reads only what the first appended since its last read', async () => {
    const log = new KeyvSessionLog(createMemoryKeyv('t'));
    const writer = new LogSessionStore(log);
    const { spy, loaded } = spied(log);
    const reader = new LogSessionStore(spy);
    let session = makeSession({ turns: [candidateTurn('t0', 'first')] });
    await writer.put(session, 0);
    expect((await reader.get(session.id))!.turns).toHaveLength(1);
    for (let i = 1; i <= 3; i++) {
      session = nextVersion(session, { turns: [...session.turns, candidateTurn(`t${i}`, 'more')] });
      await writer.put(session, i);
    }
    expect(await reader.get(session.id)).toEqual(session);
    expect(loaded).toEqual([1, 3]);
  });

  it('a stale process writing from an old version gets a conflict, not a lost update', async () => {
    const log = new KeyvSessionLog(createMemoryKeyv('t'));
    const [a, b] = [new LogSessionStore(log), new LogSessionStore(log)];
    const v1 = makeSession();
    await a.put(v1, 0);
    const fromA = (await a.get(v1.id))!;
    const fromB = (await b.get(v1.id))!;
    expect(await a.put(nextVersion(fromA, { turns: [candidateTurn('a', 'a')] }), 1)).toBe('ok');
    expect(await b.put(nextVersion(fromB, { turns: [candidateTurn('b', 'b')] }), 1)).toBe(
      'conflict',
    );
    expect((await b.get(v1.id))!.turns.map((t) => t.id)).toEqual(['a']);
  });
});
