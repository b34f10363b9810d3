import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type KeyvSqlite from '@keyv/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite, type SqliteBackend } from '../../src/store/backends/sqlite.ts';
import { createStore, type StoreHandle, storeOnKeyv } from '../../src/store/index.ts';
import { KeyvSessionLog } from '../../src/store/keyv-session-log.ts';
import { storeContract } from './contract.ts';
import { makeSession } from './sessions.ts';

const dir = await mkdtemp(join(tmpdir(), 'mli-store-'));
let files = 0;
const freshPath = () => join(dir, `db-${++files}.sqlite`);
const backends = new WeakMap<StoreHandle, SqliteBackend>();
const silent = { info() {}, warn() {}, error() {} };

/** The table under the backend, through its own connection (a second one would be refused). */
function adapterOf(backend: SqliteBackend): KeyvSqlite {
  return backend.keyv.store as KeyvSqlite;
}

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sqlite store', () => {
  storeContract({
    open: async (options) => {
      const backend = await openSqlite(freshPath(), 'test', silent);
      const handle = storeOnKeyv(backend.keyv, {
        kind: 'sqlite',
        description: backend.path,
        lock: options?.lock,
        retentionMs: (options?.retentionDays ?? 180) * 86_400_000,
        now: options?.clock ? () => options.clock!.now() : undefined,
        sweepExpired: backend.sweepExpired,
        close: backend.close,
      });
      backends.set(handle, backend);
      return handle;
    },
    breakStorage: async (handle) => {
      await adapterOf(backends.get(handle)!).query('DROP TABLE keyv');
    },
  });

  it('is the default, creates the folder and says where the file is', async () => {
    const path = join(dir, 'nested', 'deeper', 'interviews.sqlite');
    const handle = await createStore({ databasePath: path });
    expect(handle.kind).toBe('sqlite');
    expect(handle.describe()).toBe(`sqlite ${path}`);
    const session = makeSession();
    expect(await handle.store.put(session, 0)).toBe('ok');
    await handle.close();
    expect(await readdir(join(dir, 'nested', 'deeper'))).toContain('interviews.sqlite');
  });

  it('keeps sessions when the store is closed and opened again', async () => {
    const path = freshPath();
    const first = await createStore({ databasePath: path });
    const session = makeSession();
    await first.store.put(session, 0);
    await first.close();
    const second = await createStore({ databasePath: path });
    expect(await second.store.get(session.id)).toEqual(session);
    expect(await second.store.lastActive(session.candidateId)).toBe(session.id);
    await second.close();
  });

  it('refuses to start on a file that is not a sqlite database, naming the file', async () => {
    const path = freshPath();
    await writeFile(path, 'this is not a database, just text that is long enough '.repeat(40));
    await expect(createStore({ databasePath: path })).rejects.toThrow(path);
  });

  it('sweeps expired claims and counters out of the file', async () => {
    const backend = await openSqlite(freshPath(), 'sweep', silent);
    const store = new KeyvSessionLog(backend.keyv);
    await store.claimOnce('expires-soon', 1);
    await store.claimOnce('kept', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await backend.sweepExpired();
    const rows = (await adapterOf(backend).query('SELECT key FROM keyv ORDER BY key')) as Array<{
      key: string;
    }>;
    await backend.close();
    expect(rows.map((r) => r.key)).toEqual(['sweep:claim:kept']);
  });

  it('refuses a second opening of the same file, naming it and what to do', async () => {
    const path = freshPath();
    const first = await createStore({ databasePath: path });
    const second = createStore({ databasePath: path });
    await expect(second).rejects.toThrow(/in use by another process/);
    await expect(second).rejects.toThrow(path);
    await expect(second).rejects.toThrow(/DATABASE_URL/);
    await first.close();
    const again = await createStore({ databasePath: path });
    await again.close();
  });
});
