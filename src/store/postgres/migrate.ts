/**
 * Versioned migrations: every `NNN_name.sql` in the folders given (this module's
 * `migrations/` first), applied in order of NNN, each once, recorded in `schema_migrations`.
 * Run at start-up by every process: a transaction-scoped advisory lock makes concurrent
 * start-ups take turns, so each migration runs exactly once; a second run changes nothing.
 * To add a table (e.g. an installation store), add the next-numbered file to `migrations/`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Pool } from 'pg';

export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export async function readMigrations(
  dirs: readonly string[] = [MIGRATIONS_DIR],
): Promise<Migration[]> {
  const found: Migration[] = [];
  for (const dir of dirs) {
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.sql'))) {
      const match = /^(\d+)_(.+)\.sql$/.exec(file);
      if (!match) throw new Error(`migration ${join(dir, file)}: name it NNN_what-it-does.sql`);
      found.push({
        version: Number(match[1]),
        name: match[2]!,
        sql: await readFile(join(dir, file), 'utf8'),
      });
    }
  }
  found.sort((a, b) => a.version - b.version);
  for (let i = 1; i < found.length; i++) {
    if (found[i]!.version === found[i - 1]!.version) {
      throw new Error(
        `two migrations have the number ${found[i]!.version}: ${found[i - 1]!.name}, ${found[i]!.name}`,
      );
    }
  }
  return found;
}

/** Apply the migrations not yet applied in `schema`; returns the versions applied now. */
export async function migrate(
  pool: Pool,
  schema: string,
  migrations: readonly Migration[],
): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // One lock per schema: start-ups on other schemas (other apps, test runs) do not wait.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `ml-interviewer:migrate:${schema}`,
    ]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    const applied: number[] = [];
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
    return applied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
