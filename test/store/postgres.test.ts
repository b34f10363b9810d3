import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/index.ts';
import { MIGRATIONS_DIR, migrate, readMigrations } from '../../src/store/postgres/migrate.ts';
import { storeContract } from './contract.ts';
import { databaseUrl, dropSchemas, inSchema, uniqueSchema } from './postgres-helpers.ts';
import { redisUrl, uniqueNamespace } from './redis-helpers.ts';
import { makeSession } from './sessions.ts';

describe('postgres connection settings (no PostgreSQL needed)', () => {
  it('stops start-up with a clear message, without the password, when PostgreSQL cannot be reached', async () => {
    const attempt = createStore({
      databaseUrl: 'postgres://me:hunter2@127.0.0.1:1/db',
      timeouts: { connectTimeoutMs: 2_000, commandTimeoutMs: 2_000 },
    });
    await expect(attempt).rejects.toThrow(
      /^DATABASE_URL: cannot use PostgreSQL at postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/db/,
    );
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(
      createStore({ databaseUrl: 'postgres://127.0.0.1:1/db', databaseSchema: 'x; DROP TABLE y' }),
    ).rejects.toThrow(/DATABASE_SCHEMA/);
  });
});

describe.skipIf(!databaseUrl)('postgres store (needs DATABASE_URL)', () => {
  const schemas: string[] = [];
  const fresh = (label: string) => {
    const schema = uniqueSchema(label);
    schemas.push(schema);
    return schema;
  };
  afterAll(async () => {
    await dropSchemas(...schemas);
  });

  describe('alone', () => {
    const schema = fresh('alone');
    storeContract({
      open: (options) => createStore({ databaseUrl, databaseSchema: schema, ...options }),
      breakStorage: async () => {
        await inSchema(schema, 'DROP TABLE interviews CASCADE');
      },
    });
  });

  describe.skipIf(!redisUrl)('with Redis for coordination (needs REDIS_URL)', () => {
    const schema = fresh('redis');
    const namespace = uniqueNamespace('pg');
    storeContract({
      open: (options) =>
        createStore({
          databaseUrl,
          databaseSchema: schema,
          redisUrl,
          namespace,
          ...options,
        }),
      breakStorage: async () => {
        await inSchema(schema, 'DROP TABLE interviews CASCADE');
      },
    });

    it('describes both without passwords', async () => {
      const handle = await createStore({
        databaseUrl,
        databaseSchema: schema,
        redisUrl,
        namespace,
      });
      expect(handle.kind).toBe('postgres');
      expect(handle.describe()).toMatch(
        new RegExp(`^postgres .* \\(schema ${schema}\\) \\+ redis `),
      );
      await handle.close();
    });
  });

  describe('migrations', () => {
    it('are applied once, recorded, and a second start-up changes nothing', async () => {
      const schema = fresh('migrate');
      const first = await createStore({ databaseUrl, databaseSchema: schema });
      await first.close();
      const second = await createStore({ databaseUrl, databaseSchema: schema });
      await second.close();
      const rows = await inSchema<{ version: number; name: string }>(
        schema,
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      expect(rows).toEqual([
        { version: 1, name: 'interviews' },
        { version: 2, name: 'records' },
      ]);
    });

    it('run once when several processes start at the same moment (advisory lock)', async () => {
      const schema = fresh('race');
      const migrations = await readMigrations();
      const pools = Array.from(
        { length: 4 },
        () => new pg.Pool({ connectionString: databaseUrl, options: `-c search_path=${schema}` }),
      );
      await inSchema('public', `CREATE SCHEMA ${schema}`);
      const applied = await Promise.all(pools.map((pool) => migrate(pool, schema, migrations)));
      await Promise.all(pools.map((pool) => pool.end()));
      expect(applied.flat()).toEqual([1, 2]);
    });

    it('take a new numbered file from another folder, in order (how a feature adds a table)', async () => {
      const schema = fresh('extra');
      const dir = await mkdtemp(join(tmpdir(), 'mli-migrations-'));
      await writeFile(
        join(dir, '003_installations.sql'),
        'CREATE TABLE installations (id text PRIMARY KEY);',
      );
      const pool = new pg.Pool({
        connectionString: databaseUrl,
        options: `-c search_path=${schema}`,
      });
      await inSchema('public', `CREATE SCHEMA ${schema}`);
      expect(await migrate(pool, schema, await readMigrations([MIGRATIONS_DIR, dir]))).toEqual([
        1, 2, 3,
      ]);
      expect(await migrate(pool, schema, await readMigrations([MIGRATIONS_DIR, dir]))).toEqual([]);
      await pool.end();
      await rm(dir, { recursive: true, force: true });
      expect(await inSchema(schema, 'SELECT * FROM installations')).toEqual([]);
    });

    it('refuse a badly named file', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'mli-migrations-'));
      await writeFile(join(dir, 'add-table.sql'), 'SELECT 1;');
      await expect(readMigrations([dir])).rejects.toThrow(/NNN_what-it-does\.sql/);
      await rm(dir, { recursive: true, force: true });
    });
  });

  it('keeps every turn as its own row and the header as one row', async () => {
    const schema = fresh('rows');
    const handle = await createStore({ databaseUrl, databaseSchema: schema });
    const session = makeSession();
    await handle.store.put(session, 0);
    const next = {
      ...session,
      version: 2,
      turns: [
        {
          id: 't1',
          at: 1,
          stage: 'requirements' as const,
          role: 'candidate' as const,
          kind: 'answer' as const,
          text: 'hi',
        },
      ],
    };
    await handle.store.put(next, 1);
    const rows = await inSchema<{ seq: number }>(schema, 'SELECT seq FROM interview_turns');
    expect(rows).toEqual([{ seq: 0 }]);
    await handle.close();
  });
});
