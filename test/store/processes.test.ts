/**
 * Real separate processes: two writers on one Redis, and a sqlite writer killed with -9.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.ts';
import { startFixture } from './child-process.ts';
import { deleteNamespace, redisUrl, uniqueNamespace } from './redis-helpers.ts';
import { candidateTurn, makeSession } from './sessions.ts';

describe.skipIf(!redisUrl)('two processes on one Redis (needs REDIS_URL)', () => {
  const namespace = uniqueNamespace('processes');
  const perProcess = 20;

  afterAll(async () => {
    const admin = new Redis(redisUrl!);
    await deleteNamespace(admin, namespace);
    await admin.quit();
  });

  it.each([
    ['under the session lock', 'lock'],
    ['with the version check alone, retrying conflicts', 'cas'],
  ])('keeps every concurrent write once and in order, %s', async (_title, mode) => {
    const handle = await createStore({ redisUrl, namespace });
    const session = makeSession();
    await handle.store.put(session, 0);

    const names = ['alpha', 'beta'];
    const children = names.map((name) =>
      startFixture('redis-contender.ts', [
        redisUrl!,
        namespace,
        session.id,
        name,
        String(perProcess),
        mode!,
      ]),
    );
    await Promise.all(children.map((c) => c.waitForLine('ready')));
    for (const child of children) child.send('go');
    const results = await Promise.all(children.map((c) => c.exited));

    for (const result of results) expect(result.code).toBe(0);
    const reports = results.map((r) => JSON.parse(r.stdout.trim().split('\n').at(-1)!));
    if (mode === 'lock') {
      for (const report of reports) expect(report).toMatchObject({ overlaps: 0, conflicts: 0 });
    }

    const final = (await handle.store.get(session.id))!;
    const ids = final.turns.map((t) => t.id);
    expect(ids).toHaveLength(2 * perProcess);
    expect(new Set(ids).size).toBe(ids.length);
    for (const name of names) {
      const own = ids.filter((id) => id.startsWith(`${name}-`));
      expect(own).toEqual(Array.from({ length: perProcess }, (_, i) => `${name}-${i}`));
    }
    expect(final.version).toBe(1 + 2 * perProcess);
    await handle.close();
  });
});

describe('sqlite across a crash', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('keeps what a process wrote before it was killed with SIGKILL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mli-crash-'));
    dirs.push(dir);
    const databasePath = join(dir, 'data', 'interviews.sqlite');
    const session = makeSession({
      version: 2,
      turns: [candidateTurn('t1', 'How many users?'), candidateTurn('t2', '先定义指标：CTR')],
    });

    const writer = startFixture('sqlite-writer.ts', [databasePath, JSON.stringify(session)]);
    await writer.waitForLine('written');
    writer.process.kill('SIGKILL');
    expect((await writer.exited).signal).toBe('SIGKILL');

    const reopened = await createStore({ databasePath });
    expect(await reopened.store.get(session.id)).toEqual(session);
    expect(await reopened.store.lastActive(session.candidateId)).toBe(session.id);
    expect(await reopened.store.claimOnce('event-before-crash', 60_000)).toBe(false);
    await reopened.close();
  });

  it('refuses a second process on the same file while the first runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mli-second-'));
    dirs.push(dir);
    const databasePath = join(dir, 'interviews.sqlite');
    const session = makeSession({ version: 2, turns: [candidateTurn('t1', 'first')] });
    const first = startFixture('sqlite-writer.ts', [databasePath, JSON.stringify(session)]);
    await first.waitForLine('written');

    // This test's process is the second one.
    await expect(createStore({ databasePath })).rejects.toThrow(
      /DATABASE_PATH: the sqlite file .* is in use by another process/,
    );

    first.process.kill('SIGTERM');
    await first.exited;
    const after = await createStore({ databasePath });
    expect(await after.store.get(session.id)).toEqual(session);
    await after.close();
  });
});
