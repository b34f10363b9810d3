/**
 * The session log on PostgreSQL, for many processes: a row per interview (header) and a row
 * per turn. Each commit is ONE statement (data-modifying CTEs run atomically): the header row
 * is inserted, or updated only WHERE the version and turn count are the expected ones, and the
 * new turns are inserted only from that row. Concurrent writers of one version: the row lock
 * makes the second re-check the WHERE after the first commits, and it finds a new version.
 */
import type { Pool } from 'pg';
import type { SessionSummary } from '../../engine/ports.ts';
import type { CandidateId } from '../../engine/types.ts';
import type { Commit, Loaded, SessionLog } from '../session-log.ts';

const MAX_INT = 2_147_483_647;

// Parameters shared by both: $1 id, $2 turn count before, $3 new turns, $4 version,
// $5 turn count, $6 status, $7 expires at, $8 header, $9 changed stages.
const APPEND = `t AS (
  INSERT INTO interview_turns (interview_id, seq, turn)
  SELECT w.id, $2::int + x.ord - 1, x.turn
  FROM w, jsonb_array_elements($3::jsonb) WITH ORDINALITY AS x(turn, ord)),
s AS (
  INSERT INTO interview_stages (interview_id, idx, progress)
  SELECT w.id, (x.stage->>'index')::int, x.stage->'progress'
  FROM w, jsonb_array_elements($9::jsonb) AS x(stage)
  ON CONFLICT (interview_id, idx) DO UPDATE SET progress = EXCLUDED.progress)`;

const CREATE = `WITH w AS (
  INSERT INTO interviews (id, version, turn_count, status, expires_at, header, candidate_id, scenario_id, created_at)
  VALUES ($1, $4, $5, $6, $7, $8, $10, $11, $12)
  ON CONFLICT (id) DO NOTHING RETURNING id),
${APPEND}
SELECT count(*)::int AS n FROM w`;

const UPDATE = `WITH w AS (
  UPDATE interviews SET version = $4, turn_count = $5, status = $6, expires_at = $7, header = $8
  WHERE id = $1 AND version = $10 AND turn_count = $2 RETURNING id),
${APPEND}
SELECT count(*)::int AS n FROM w`;

export class PgSessionLog implements SessionLog {
  constructor(
    private readonly pool: Pool,
    private readonly now: () => number = Date.now,
  ) {}

  async load(id: string, fromTurn: number): Promise<Loaded | null> {
    const { rows } = await this.pool.query<Loaded>(
      `SELECT i.header,
         COALESCE((SELECT json_agg(s.progress ORDER BY s.idx) FROM interview_stages s
                   WHERE s.interview_id = i.id), '[]'::json) AS stages,
         COALESCE((SELECT json_agg(t.turn ORDER BY t.seq) FROM interview_turns t
                   WHERE t.interview_id = i.id AND t.seq >= $2), '[]'::json) AS turns
       FROM interviews i
       WHERE i.id = $1 AND (i.expires_at IS NULL OR i.expires_at > $3)`,
      [id, Math.min(fromTurn, MAX_INT), this.now()],
    );
    return rows[0] ?? null;
  }

  async commit(commit: Commit): Promise<'ok' | 'conflict'> {
    const { header } = commit;
    const common = [
      header.id,
      commit.fromTurn,
      JSON.stringify(commit.newTurns),
      header.version,
      header.turnCount,
      header.status,
      commit.expiresAt ?? null,
      JSON.stringify(header),
      JSON.stringify(commit.changedStages),
    ];
    const { rows } =
      commit.expectedVersion === 0
        ? await this.pool.query<{ n: number }>(CREATE, [
            ...common,
            header.candidateId,
            header.scenarioId,
            header.createdAt,
          ])
        : await this.pool.query<{ n: number }>(UPDATE, [...common, commit.expectedVersion]);
    return rows[0]?.n === 1 ? 'ok' : 'conflict';
  }

  async summaries(candidateId: CandidateId): Promise<SessionSummary[]> {
    const { rows } = await this.pool.query<{
      id: string;
      scenario_id: string;
      status: SessionSummary['status'];
      created_at: string;
    }>(
      `SELECT id, scenario_id, status, created_at FROM interviews
       WHERE candidate_id = $1 AND (expires_at IS NULL OR expires_at > $2)`,
      [candidateId, this.now()],
    );
    return rows.map((r) => ({
      id: r.id,
      scenarioId: r.scenario_id,
      status: r.status,
      createdAt: Number(r.created_at),
    }));
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const { rowCount } = await this.pool.query(
      `INSERT INTO claims (key, expires_at) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE claims.expires_at <= $3
       RETURNING key`,
      [key, now + ttlMs, now],
    );
    return rowCount === 1;
  }

  async setPlace(place: string, sessionId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO places (place, interview_id) VALUES ($1, $2)
       ON CONFLICT (place) DO UPDATE SET interview_id = EXCLUDED.interview_id`,
      [place, sessionId],
    );
  }

  async sessionAtPlace(place: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ interview_id: string }>(
      'SELECT interview_id FROM places WHERE place = $1',
      [place],
    );
    return rows[0]?.interview_id ?? null;
  }

  async forgetCandidate(candidateId: CandidateId): Promise<number> {
    // Turns go with their interview (ON DELETE CASCADE).
    const { rows } = await this.pool.query<{ n: number }>(
      `WITH gone AS (DELETE FROM interviews WHERE candidate_id = $1 RETURNING id),
       p AS (DELETE FROM places WHERE interview_id IN (SELECT id FROM gone))
       SELECT count(*)::int AS n FROM gone`,
      [candidateId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Delete interviews past their retention, their places, and expired claims and counters. */
  async sweepExpired(): Promise<void> {
    const now = this.now();
    await this.pool.query(
      `WITH gone AS (DELETE FROM interviews WHERE expires_at <= $1 RETURNING id)
       DELETE FROM places WHERE interview_id IN (SELECT id FROM gone)`,
      [now],
    );
    await this.pool.query('DELETE FROM claims WHERE expires_at <= $1', [now]);
    await this.pool.query('DELETE FROM counters WHERE ends_at <= $1', [now]);
  }
}
