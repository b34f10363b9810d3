/**
 * `engine.sessionAt`: which interview a place holds, answered from the store's place index with
 * one read, however many interviews the candidate has had.
 */
import { describe, expect, it } from 'vitest';
import type { SessionStore } from '../../src/engine/ports.ts';
import { createStore } from '../../src/store/index.ts';
import { ANA, BOB, harness } from './fakes.ts';

/** Counts every call the engine makes on the store. */
function counting(store: SessionStore): { store: SessionStore; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(name));
        return value.apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

const dm = { key: 'discord:dm:c1' };
const channel = { key: 'slack:T1:C1', perCandidate: true };

describe('engine.sessionAt', () => {
  it('reads one record of the place index, however many interviews came before', async () => {
    const handle = await createStore({ memory: true, namespace: `at-${Math.random()}` });
    const { store, calls } = counting(handle.store);
    const h = await harness({ store });
    for (let i = 0; i < 60; i++) {
      await h.ok(
        { kind: 'start', scenarioId: 'mini-recsys', places: [dm] },
        { sessionId: `s${i}` },
      );
    }
    calls.length = 0;
    expect(await h.engine.sessionAt(ANA, dm)).toBe('s59');
    expect(calls).toEqual(['sessionAtPlace']);
    await handle.close();
  });

  it('null where nothing was started; the newest interview at a place wins', async () => {
    const h = await harness();
    expect(await h.engine.sessionAt(ANA, dm)).toBeNull();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys', places: [dm] }, { sessionId: 'a' });
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys', places: [dm] }, { sessionId: 'b' });
    expect(await h.engine.sessionAt(ANA, dm)).toBe('b');
  });

  it('a shared place holds one interview per candidate; any other place one for all', async () => {
    const h = await harness();
    const thread = { key: 'slack:T1:C1:1.2' };
    await h.ok(
      { kind: 'start', scenarioId: 'mini-recsys', places: [thread, channel] },
      { sessionId: 'ana-1' },
    );
    expect(await h.engine.sessionAt(ANA, channel)).toBe('ana-1');
    expect(await h.engine.sessionAt(BOB, channel)).toBeNull();
    // A stranger in the thread finds its interview, and the engine refuses them there.
    expect(await h.engine.sessionAt(BOB, thread)).toBe('ana-1');
    const refused = await h.run({ kind: 'hint' }, { actor: BOB, sessionId: 'ana-1' });
    expect(refused.ok ? null : refused.error.code).toBe('not-your-session');
  });

  it('a failed start records no place', async () => {
    const h = await harness();
    await h.run({ kind: 'start', scenarioId: 'no-such-scenario', places: [dm] });
    expect(await h.engine.sessionAt(ANA, dm)).toBeNull();
  });
});

describe('engine.isSomeoneElses', () => {
  it("is true only for an existing interview another candidate owns; false when the store can't tell", async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys', places: [dm] }, { sessionId: 'ana-2' });
    expect(await h.engine.isSomeoneElses('ana-2', BOB)).toBe(true);
    expect(await h.engine.isSomeoneElses('ana-2', ANA)).toBe(false);
    expect(await h.engine.isSomeoneElses('no-such-session', BOB)).toBe(false);

    const handle = await createStore({ memory: true, namespace: `down-${Math.random()}` });
    const down = new Proxy(handle.store, {
      get: (target, name, receiver) =>
        name === 'get'
          ? () => Promise.reject(new Error('store down'))
          : Reflect.get(target, name, receiver),
    });
    const broken = await harness({ store: down });
    expect(await broken.engine.isSomeoneElses('ana-2', BOB)).toBe(false);
    await handle.close();
  });
});
