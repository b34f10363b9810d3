/** Shared by the PostgreSQL tests: a unique schema per run, dropped afterwards. */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const databaseUrl = process.env.DATABASE_URL;

export function uniqueSchema(label: string): string {
  return `mli_test_${label}_${process.pid}_${randomUUID().slice(0, 8)}`.replace(/-/g, '_');
}

export async function dropSchemas(...schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A query in `schema`, outside any store (to look underneath or break things). */
export async function inSchema<T extends pg.QueryResultRow>(
  schema: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    options: `-c search_path=${schema}`,
  });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
