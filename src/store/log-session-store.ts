/**
 * The engine's `SessionStore` on any `SessionLog` (memory, sqlite, Redis, PostgreSQL).
 *
 * Reads and writes cost the same at answer 200 as at answer 1:
 * - `put` sends the header and the turns added since the version it replaces. Turns are
 *   append-only (the engine only ever pushes), so the stored prefix never changes.
 * - `get` keeps the turns it has seen in a small per-process cache and asks the store only for
 *   the header and the turns after them. A cached prefix stays valid across processes: another
 *   process can only append. The header's `createdAt` tells a deleted and re-created session
 *   from the one cached.
 */
import { LRUCache } from 'lru-cache';
import type { PutResult, SessionStore, SessionSummary } from '../engine/ports.ts';
import type { CandidateId, Session, SessionStatus, StageProgress, Turn } from '../engine/types.ts';
import { expiryOf, headerOf, joinSession } from './records.ts';
import type { SessionHeader, SessionLog } from './session-log.ts';
import { assertNextVersion, newestActiveId, newestFirst, summarize } from './summaries.ts';

interface Seen {
  createdAt: number;
  version: number;
  status: SessionStatus;
  /** Each stage's progress as stored (JSON), to tell which stages a write changes. */
  stages: string[];
  turns: Turn[];
}

export interface LogStoreOptions {
  /** How long an interview that is over is kept (ms); 0 keeps it forever. */
  retentionMs?: number;
  /** How many sessions' turns each process keeps in memory. */
  cacheSessions?: number;
  /** The clock retention is measured on: the engine's (default the real one). */
  now?: () => number;
}

/** Loads the header only: no turn has this index. */
const HEADER_ONLY = Number.MAX_SAFE_INTEGER;

export class LogSessionStore implements SessionStore {
  private readonly seen: LRUCache<string, Seen>;
  private readonly retentionMs: number;
  private readonly now: () => number;

  constructor(
    readonly log: SessionLog,
    options: LogStoreOptions = {},
  ) {
    this.retentionMs = options.retentionMs ?? 0;
    this.now = options.now ?? Date.now;
    this.seen = new LRUCache({ max: options.cacheSessions ?? 500 });
  }

  async get(id: string): Promise<Session | null> {
    const cached = this.seen.get(id);
    const from = cached?.turns.length ?? 0;
    let loaded = await this.log.load(id, from);
    let prefix: Turn[] = [];
    if (loaded && cached && from > 0) {
      const same = cached.createdAt === loaded.header.createdAt && loaded.header.turnCount >= from;
      if (same) prefix = cached.turns;
      else loaded = await this.log.load(id, 0);
    }
    if (!loaded) {
      this.seen.delete(id);
      return null;
    }
    const { header } = loaded;
    // Past its retention: gone, whether or not the store has deleted it yet.
    const expiresAt = expiryOf(header, this.retentionMs);
    if (expiresAt !== undefined && expiresAt <= this.now()) return null;
    const turns = prefix.length > 0 ? prefix.concat(loaded.turns) : loaded.turns;
    if (turns.length !== header.turnCount) {
      this.seen.delete(id);
      throw new Error(
        `session ${id}: the header counts ${header.turnCount} turns, the store holds ${turns.length}`,
      );
    }
    this.remember(id, header, loaded.stages, turns);
    // A copy of the list: the engine pushes onto it, the cache must not change with it.
    return joinSession(header, loaded.stages, [...turns]);
  }

  async put(session: Session, expectedVersion: number): Promise<PutResult> {
    assertNextVersion(session, expectedVersion);
    const base = await this.baseOf(session.id, expectedVersion);
    if (!base) return 'conflict';
    if (session.turns.length < base.turnCount) {
      throw new Error(
        `put: session ${session.id} has fewer turns than stored (turns are append-only)`,
      );
    }
    const header = headerOf(session);
    const expiresAt = expiryOf(session, this.retentionMs);
    const statusChanged = base.status !== session.status;
    const stages = session.stages.map((progress) => JSON.stringify(progress));
    const changedStages = session.stages.flatMap((progress, index) =>
      stages[index] === base.stages[index] ? [] : [{ index, progress }],
    );
    const result = await this.log.commit({
      header,
      newTurns: session.turns.slice(base.turnCount),
      fromTurn: base.turnCount,
      changedStages,
      expectedVersion,
      ...(statusChanged ? { summary: summarize(session) } : {}),
      ...(expiresAt !== undefined ? { expiresAt } : {}),
      expiryChanged: statusChanged && expiresAt !== undefined,
    });
    if (result === 'ok') this.rememberJson(session.id, header, stages, session.turns.slice());
    else this.seen.delete(session.id);
    return result;
  }

  async listByCandidate(candidateId: CandidateId, limit: number): Promise<SessionSummary[]> {
    return (await this.summaries(candidateId)).slice(0, Math.max(0, limit));
  }

  async lastActive(candidateId: CandidateId): Promise<string | null> {
    return newestActiveId(await this.summaries(candidateId));
  }

  claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return this.log.claimOnce(key, ttlMs);
  }

  setPlace(place: string, sessionId: string): Promise<void> {
    return this.log.setPlace(place, sessionId);
  }

  sessionAtPlace(place: string): Promise<string | null> {
    return this.log.sessionAtPlace(place);
  }

  async forgetCandidate(candidateId: CandidateId): Promise<number> {
    for (const summary of await this.log.summaries(candidateId)) this.seen.delete(summary.id);
    return this.log.forgetCandidate(candidateId);
  }

  /** What the stored version `expectedVersion` holds: from this process's cache, else a header read. */
  private async baseOf(
    id: string,
    expectedVersion: number,
  ): Promise<{ turnCount: number; status: SessionStatus | undefined; stages: string[] } | null> {
    if (expectedVersion === 0) return { turnCount: 0, status: undefined, stages: [] };
    const cached = this.seen.get(id);
    if (cached?.version === expectedVersion) {
      return { turnCount: cached.turns.length, status: cached.status, stages: cached.stages };
    }
    const loaded = await this.log.load(id, HEADER_ONLY);
    if (loaded?.header.version !== expectedVersion) return null;
    return {
      turnCount: loaded.header.turnCount,
      status: loaded.header.status,
      stages: loaded.stages.map((progress) => JSON.stringify(progress)),
    };
  }

  private remember(
    id: string,
    header: SessionHeader,
    stages: StageProgress[],
    turns: Turn[],
  ): void {
    this.rememberJson(
      id,
      header,
      stages.map((progress) => JSON.stringify(progress)),
      turns,
    );
  }

  private rememberJson(id: string, header: SessionHeader, stages: string[], turns: Turn[]): void {
    this.seen.set(id, {
      createdAt: header.createdAt,
      version: header.version,
      status: header.status,
      stages,
      turns,
    });
  }

  private async summaries(candidateId: CandidateId): Promise<SessionSummary[]> {
    return (await this.log.summaries(candidateId)).sort(newestFirst);
  }
}
