/**
 * The PostgreSQL connection pool (node-postgres), every call with a deadline:
 * connecting (`connectionTimeoutMillis`), each statement on the server (`statement_timeout`)
 * and each query as seen from here (`query_timeout`, which also covers a dead socket), plus
 * `idle_in_transaction_session_timeout` so a crashed process cannot hold row locks.
 * All tables live in one schema (`public` by default; tests use one of their own).
 */
import pg from 'pg';
import { SetupError } from '../../setup-error.ts';
import type { EngineLogger } from '../../engine/ports.ts';
import { messageOf } from '../backends/error-message.ts';
import type { StoreTimeouts } from '../backends/redis.ts';
import { type Migration, migrate, readMigrations } from './migrate.ts';

export interface PostgresBackend {
  pool: pg.Pool;
  schema: string;
  close(): Promise<void>;
}

export async function openPostgres(
  url: string,
  options: {
    schema?: string;
    timeouts: StoreTimeouts;
    logger: EngineLogger;
    migrations?: Migration[];
  },
): Promise<PostgresBackend> {
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new SetupError({
      setting: 'DATABASE_SCHEMA',
      problem: `"${schema}" is not a plain schema name`,
      fix: 'use lower-case letters, digits and underscores, e.g. ml_interviewer',
    });
  }
  const { commandTimeoutMs, connectTimeoutMs } = options.timeouts;
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: commandTimeoutMs,
    statement_timeout: commandTimeoutMs,
    idle_in_transaction_session_timeout: commandTimeoutMs * 2,
    options: `-c search_path=${schema}`,
  });
  // A pooled idle client losing its server emits here; without a listener it would crash.
  pool.on('error', (error) => options.logger.warn({ err: error }, 'postgres connection error'));
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await migrate(pool, schema, options.migrations ?? (await readMigrations()));
  } catch (error) {
    await pool.end().catch(() => {});
    throw new SetupError({
      setting: 'DATABASE_URL',
      problem: `cannot use PostgreSQL at ${redactPostgresUrl(url)} (${messageOf(error)})`,
      fix: 'start PostgreSQL (see README, Storage) or correct DATABASE_URL, e.g. postgres://user:password@host:5432/db',
      cause: error,
    });
  }
  return { pool, schema, close: () => pool.end() };
}

export function redactPostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}
