/**
 * Slack installations in PostgreSQL: PgRecords on the `records` table created by migration
 * 002_records.sql, in a schema of this test's own (created and dropped here). Runs when
 * DATABASE_URL is set and the `pg` client is installed (it comes with the PostgreSQL store).
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoredInstallations } from '../../src/adapters/slack/installations.ts';
import { PgRecords, type Queryable } from '../../src/store/postgres/pg-records.ts';

const databaseUrl = process.env.DATABASE_URL;
const MIGRATION = new URL('../../src/store/postgres/migrations/002_records.sql', import.meta.url);

interface PoolLike extends Queryable {
  end(): Promise<void>;
}

describe.skipIf(!databaseUrl)('PgRecords on PostgreSQL (needs DATABASE_URL)', () => {
  const schema = `mli_records_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  let admin: PoolLike;
  let pool: PoolLike;

  beforeAll(async () => {
    // Imported by name: `pg` is the PostgreSQL store's client (issue 16a's dependency).
    const name = 'pg';
    const pg = (await import(name)) as {
      default: { Pool: new (options: object) => PoolLike };
    };
    admin = new pg.default.Pool({ connectionString: databaseUrl, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    pool = new pg.default.Pool({
      connectionString: databaseUrl,
      options: `-c search_path=${schema}`,
    });
    await pool.query(await readFile(MIGRATION, 'utf8'));
  });

  afterAll(async () => {
    await pool?.end();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
  });

  it('stores, replaces, finds and deletes a workspace installation', async () => {
    const installations = new StoredInstallations(new PgRecords(pool));
    const query = { teamId: 'T0PG', enterpriseId: undefined, isEnterpriseInstall: false };
    const install = (token: string) =>
      installations.storeInstallation({
        team: { id: 'T0PG', name: 'Postgres team' },
        enterprise: undefined,
        user: { id: 'U0ADMIN', token: 'xoxp-not-kept', scopes: undefined },
        bot: { id: 'B1', userId: 'U0B', token, scopes: ['chat:write'] },
        isEnterpriseInstall: false,
        authVersion: 'v2',
      });
    await install('xoxb-first');
    await install('xoxb-reinstalled');
    const found = await installations.fetchInstallation(query);
    expect(found.bot?.token).toBe('xoxb-reinstalled');
    expect(found.user.token).toBeUndefined();
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM records');
    expect(rows[0]?.n).toBe(1);
    await installations.deleteInstallation(query);
    await expect(installations.fetchInstallation(query)).rejects.toThrow(/install the app/);
  });
});
