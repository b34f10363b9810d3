/**
 * SessionStore on a Keyv for one process (memory and sqlite). Keyv has no compare-and-set, so
 * read-compare-write runs under an in-process mutex per key: atomic for every caller in this
 * process. Two processes sharing one sqlite file are NOT coordinated; use Redis for that.
 */
import type Keyv from 'keyv';
import type { PutResult, SessionStore, SessionSummary } from '../engine/ports.ts';
import type { CandidateId, Session } from '../engine/types.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { keys } from './keys.ts';
import { assertNextVersion, newestActiveId, newestFirst, summarize } from './summaries.ts';

export class KeyvSessionStore implements SessionStore {
  private readonly serial = new KeyedMutex();

  /** `keyv` must be created with `throwOnErrors: true`, or a failing store reads as "absent". */
  constructor(private readonly keyv: Keyv) {}

  async get(id: string): Promise<Session | null> {
    return (await this.keyv.get<Session>(keys.session(id))) ?? null;
  }

  async put(session: Session, expectedVersion: number): Promise<PutResult> {
    assertNextVersion(session, expectedVersion);
    const sessionKey = keys.session(session.id);
    return this.serial.run(sessionKey, async () => {
      const stored = await this.keyv.get<Session>(sessionKey);
      if ((stored?.version ?? 0) !== expectedVersion) return 'conflict';
      await this.write(sessionKey, session);
      // Written after the session: if the process dies in between, the next write of this
      // session repairs the index (every write upserts its summary).
      await this.upsertSummary(session);
      return 'ok';
    });
  }

  async listByCandidate(candidateId: CandidateId, limit: number): Promise<SessionSummary[]> {
    return (await this.readIndex(candidateId)).slice(0, Math.max(0, limit));
  }

  async lastActive(candidateId: CandidateId): Promise<string | null> {
    return newestActiveId(await this.readIndex(candidateId));
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const claimKey = keys.claim(key);
    return this.serial.run(claimKey, async () => {
      // Keyv treats an expired entry as absent, so the claim frees itself after ttlMs.
      if ((await this.keyv.get(claimKey)) !== undefined) return false;
      await this.write(claimKey, 1, ttlMs);
      return true;
    });
  }

  async sessionAtPlace(place: string): Promise<string | null> {
    return (await this.keyv.get<string>(keys.place(place))) ?? null;
  }

  async setSessionAtPlace(place: string, sessionId: string): Promise<void> {
    await this.write(keys.place(place), sessionId);
  }

  private async readIndex(candidateId: CandidateId): Promise<SessionSummary[]> {
    return (await this.keyv.get<SessionSummary[]>(keys.candidateIndex(candidateId))) ?? [];
  }

  private async upsertSummary(session: Session): Promise<void> {
    const indexKey = keys.candidateIndex(session.candidateId);
    return this.serial.run(indexKey, async () => {
      const others = (await this.readIndex(session.candidateId)).filter((s) => s.id !== session.id);
      await this.write(indexKey, [...others, summarize(session)].sort(newestFirst));
    });
  }

  private async write(key: string, value: unknown, ttlMs?: number): Promise<void> {
    // With throwOnErrors a failed write throws; `false` is a second line of defence.
    if (!(await this.keyv.set(key, value, ttlMs))) throw new Error(`store write failed: ${key}`);
  }
}
