/**
 * Interviews written by earlier versions (one whole-session record per interview) are
 * migrated to header + turns on first read; a record that cannot be read is refused with a
 * clear message and left in place, never dropped.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/backends/sqlite.ts';
import { createStore, storeOnKeyv } from '../../src/store/index.ts';
import { keys, redisKey } from '../../src/store/keys.ts';
import { deleteNamespace, redisUrl, uniqueNamespace } from './redis-helpers.ts';
import { candidateTurn, makeSession, nextVersion } from './sessions.ts';

const silent = { info() {}, warn() {}, error() {} };
const oldSession = () =>
  makeSession({
    version: 3,
    turns: [candidateTurn('t1', 'How many users?'), candidateTurn('t2', '先定义指标：CTR')],
  });

const dir = await mkdtemp(join(tmpdir(), 'mli-legacy-'));

describe('sqlite file from an earlier version', () => {
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is migrated on first read: same session, old record removed, next write works', async () => {
    const backend = await openSqlite(join(dir, 'a.sqlite'), 'ns', silent);
    const session = oldSession();
    // Exactly what the previous store wrote: the whole session, and the candidate index.
    await backend.keyv.set(keys.session(session.id), session);
    await backend.keyv.set(keys.candidateIndex(session.candidateId), [
      {
        id: session.id,
        scenarioId: session.scenarioId,
        status: 'active',
        createdAt: session.createdAt,
      },
    ]);
    const handle = storeOnKeyv(backend.keyv, {
      kind: 'sqlite',
      description: '',
      close: backend.close,
    });

    expect(await handle.store.lastActive(session.candidateId)).toBe(session.id);
    expect(await handle.store.get(session.id)).toEqual(session);
    expect(await backend.keyv.get(keys.session(session.id))).toBeUndefined();
    const next = nextVersion(session, { turns: [...session.turns, candidateTurn('t3', 'more')] });
    expect(await handle.store.put(next, 3)).toBe('ok');
    expect(await handle.store.get(session.id)).toEqual(next);
    await handle.close();
  });

  it('a record that cannot be read is refused, named, and left in place', async () => {
    const backend = await openSqlite(join(dir, 'b.sqlite'), 'ns', silent);
    const handle = storeOnKeyv(backend.keyv, {
      kind: 'sqlite',
      description: '',
      close: backend.close,
    });
    await backend.keyv.set(keys.session('broken'), { id: 'broken', turns: 'not a list' });
    await expect(handle.store.get('broken')).rejects.toThrow(
      /session broken is stored in an old format that cannot be migrated \(no list of turns\); it was left untouched/,
    );
    expect(await backend.keyv.get(keys.session('broken'))).toEqual({
      id: 'broken',
      turns: 'not a list',
    });
    await handle.close();
  });
});

describe.skipIf(!redisUrl)('redis data from an earlier version (needs REDIS_URL)', () => {
  const namespace = uniqueNamespace('legacy');
  const admin = redisUrl ? new Redis(redisUrl) : (undefined as unknown as Redis);
  const raw = (key: string) => redisKey(namespace, key);
  afterAll(async () => {
    await deleteNamespace(admin, namespace);
    await admin.quit();
  });

  it('is migrated on first read: same session, old record removed, next write works', async () => {
    const session = oldSession();
    // What the previous store's script wrote: Keyv's record, the version key, the index hash.
    await admin.set(raw(keys.session(session.id)), JSON.stringify({ value: session }));
    await admin.set(raw(keys.version(session.id)), String(session.version));
    await admin.hset(
      raw(keys.candidateIndex(session.candidateId)),
      session.id,
      JSON.stringify({
        id: session.id,
        scenarioId: session.scenarioId,
        status: 'active',
        createdAt: session.createdAt,
      }),
    );
    const handle = await createStore({ redisUrl, namespace });
    expect(await handle.store.lastActive(session.candidateId)).toBe(session.id);
    expect(await handle.store.get(session.id)).toEqual(session);
    expect(await admin.exists(raw(keys.session(session.id)))).toBe(0);
    expect(await admin.llen(raw(keys.turns(session.id)))).toBe(2);
    const next = nextVersion(session, { turns: [...session.turns, candidateTurn('t3', 'more')] });
    expect(await handle.store.put(next, 3)).toBe('ok');
    const other = await createStore({ redisUrl, namespace });
    expect(await other.store.get(session.id)).toEqual(next);
    await Promise.all([handle.close(), other.close()]);
  });

  it('a record that cannot be read is refused, named, and left in place', async () => {
    await admin.set(raw(keys.session('broken')), JSON.stringify({ value: { id: 'elsewhere' } }));
    const handle = await createStore({ redisUrl, namespace });
    await expect(handle.store.get('broken')).rejects.toThrow(
      /session broken is stored in an old format/,
    );
    expect(await admin.exists(raw(keys.session('broken')))).toBe(1);
    await handle.close();
  });
});
