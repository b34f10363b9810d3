import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/store/backends/sqlite.ts';
import { createStore } from '../../src/store/index.ts';
import { KeyvSessionStore } from '../../src/store/keyv-session-store.ts';
import { storeContract } from './contract.ts';
import { makeSession } from './sessions.ts';

const dir = await mkdtemp(join(tmpdir(), 'mli-store-'));
let files = 0;
const freshPath = () => join(dir, `db-${++files}.sqlite`);
const paths = new WeakMap<object, string>();

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Drop the table under a live store, through a second connection to the same file. */
async function dropTable(path: string): Promise<void> {
  const other = new KeyvSqlite({ uri: `sqlite://${path}` });
  await other.query('DROP TABLE keyv');
  await other.disconnect();
}

describe('sqlite store', () => {
  storeContract({
    open: async (options) => {
      const path = freshPath();
      const handle = await createStore({ databasePath: path, lock: options?.lock });
      paths.set(handle, path);
      return handle;
    },
    breakStorage: async (handle) => dropTable(paths.get(handle)!),
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
    const path = freshPath();
    const backend = await openSqlite(path, 'sweep', { info() {}, warn() {}, error() {} });
    const store = new KeyvSessionStore(backend.keyv);
    await store.claimOnce('expires-soon', 1);
    await store.claimOnce('kept', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await backend.sweepExpired();
    const reader = new KeyvSqlite({ uri: `sqlite://${path}` });
    const rows = (await reader.query('SELECT key FROM keyv ORDER BY key')) as Array<{
      key: string;
    }>;
    await reader.disconnect();
    await backend.close();
    expect(rows.map((r) => r.key)).toEqual(['sweep:claim:kept']);
  });
});
