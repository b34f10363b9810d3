/**
 * RecordStore in PostgreSQL (table `records`, migration 002_records.sql), for deployments whose
 * store is PostgreSQL: every process finds every Slack workspace's installation.
 * Typed against the one method it uses, so any `pg` Pool or Client fits.
 */
import type { RecordStore } from '../record-store.ts';

export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export class PgRecords implements RecordStore {
  constructor(private readonly db: Queryable) {}

  async get<T>(key: string): Promise<T | null> {
    const { rows } = await this.db.query('SELECT value FROM records WHERE key = $1', [key]);
    return (rows[0]?.value as T | undefined) ?? null;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db.query(
      `INSERT INTO records (key, value) VALUES ($1, $2::jsonb)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [key, JSON.stringify(value)],
    );
  }

  async delete(key: string): Promise<void> {
    await this.db.query('DELETE FROM records WHERE key = $1', [key]);
  }
}
