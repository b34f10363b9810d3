/** Window counters in PostgreSQL, for deployments with PostgreSQL and no Redis. */
import type { Pool } from 'pg';
import { type KeyValue, type WindowCount, assertIncrement } from '../key-value.ts';

export class PgKeyValue implements KeyValue {
  constructor(
    private readonly pool: Pool,
    private readonly now: () => number = Date.now,
  ) {}

  async incrementWindow(key: string, amount: number, ttlMs: number): Promise<number> {
    assertIncrement(amount, ttlMs);
    const now = this.now();
    // One upsert: a window that has ended starts over, a live one adds up (row-locked).
    const { rows } = await this.pool.query<{ total: string }>(
      `INSERT INTO counters (key, total, ends_at) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO UPDATE SET
         total = CASE WHEN counters.ends_at > $4 THEN counters.total + EXCLUDED.total ELSE EXCLUDED.total END,
         ends_at = CASE WHEN counters.ends_at > $4 THEN counters.ends_at ELSE EXCLUDED.ends_at END
       RETURNING total`,
      [key, amount, now + ttlMs, now],
    );
    return Number(rows[0]!.total);
  }

  async readWindow(key: string): Promise<WindowCount> {
    const now = this.now();
    const { rows } = await this.pool.query<{ total: string; ends_at: string }>(
      'SELECT total, ends_at FROM counters WHERE key = $1 AND ends_at > $2',
      [key, now],
    );
    const row = rows[0];
    return row
      ? { total: Number(row.total), resetsInMs: Number(row.ends_at) - now }
      : { total: 0, resetsInMs: 0 };
  }
}
