/**
 * Between the engine's `Session` and the stored form (header + turns), and reading interviews
 * written by earlier versions (one JSON record holding everything).
 */
import type { Session, StageProgress, Turn } from '../engine/types.ts';
import type { ChangedStage, SessionHeader } from './session-log.ts';

export function headerOf(session: Session): SessionHeader {
  const { turns, stages: _stages, ...rest } = session;
  return { ...rest, turnCount: turns.length };
}

export function joinSession(
  header: SessionHeader,
  stages: StageProgress[],
  turns: Turn[],
): Session {
  const { turnCount: _count, ...rest } = header;
  return { ...rest, turns, stages } as Session;
}

/** Every stage of a session, as a commit of a new (or migrated) session writes them. */
export function allStages(session: Session): ChangedStage[] {
  return session.stages.map((progress, index) => ({ index, progress }));
}

/** A stored interview in an old format that cannot be read: refused, left where it is. */
export class LegacyRecordError extends Error {
  constructor(sessionId: string, problem: string) {
    super(
      `session ${sessionId} is stored in an old format that cannot be migrated (${problem}); ` +
        'it was left untouched: export it with the previous version, or delete it by hand',
    );
    this.name = 'LegacyRecordError';
  }
}

/** An old whole-session record (Keyv's `{ value: Session }` or the bare session) → Session. */
export function parseLegacy(sessionId: string, raw: unknown): Session {
  const value =
    raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
  if (!value || typeof value !== 'object') throw new LegacyRecordError(sessionId, 'not an object');
  const session = value as Partial<Session>;
  if (session.id !== sessionId) throw new LegacyRecordError(sessionId, 'its id does not match');
  if (!Array.isArray(session.turns)) throw new LegacyRecordError(sessionId, 'no list of turns');
  if (!Array.isArray(session.stages)) throw new LegacyRecordError(sessionId, 'no list of stages');
  if (!Number.isInteger(session.version)) throw new LegacyRecordError(sessionId, 'no version');
  if (typeof session.candidateId !== 'string') {
    throw new LegacyRecordError(sessionId, 'no candidate');
  }
  return session as Session;
}

/** When a session that is over is deleted; undefined while active, or when kept forever. */
export function expiryOf(
  session: Session | SessionHeader,
  retentionMs: number,
): number | undefined {
  if (session.status === 'active' || retentionMs <= 0) return undefined;
  return (session.finishedAt ?? session.updatedAt) + retentionMs;
}
