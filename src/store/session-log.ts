/**
 * The part every store backend implements: an interview as a small header plus an append-only
 * list of turns. A turn writes the header and the turns it added, never the whole interview,
 * so its cost does not grow with the interview's length. `LogSessionStore` builds the
 * engine's `SessionStore` on top of it.
 */
import type { SessionSummary } from '../engine/ports.ts';
import type { CandidateId, Session, StageProgress, Turn } from '../engine/types.ts';

/**
 * Everything of a session but its turns and stages, plus how many turns it has. Stages (with
 * their scores, the bulk of what is not a turn) are kept one record per stage, so a turn writes
 * only the stages it changed — usually the current one.
 */
export type SessionHeader = Omit<Session, 'turns' | 'stages'> & { turnCount: number };

export interface Loaded {
  header: SessionHeader;
  /** Every stage's progress, aligned with `header.plan`. */
  stages: StageProgress[];
  /** The turns from the requested index to the end. */
  turns: Turn[];
}

export interface ChangedStage {
  index: number;
  progress: StageProgress;
}

export interface Commit {
  header: SessionHeader;
  /** The turns added since `expectedVersion`, numbered from `fromTurn`. */
  newTurns: Turn[];
  fromTurn: number;
  /** The stages whose progress differs from the stored version's (all of a new session's). */
  changedStages: ChangedStage[];
  expectedVersion: number;
  /** Set when the candidate index entry changes (new session, new status): written with it. */
  summary?: SessionSummary;
  /** When the session and its turns are deleted (epoch ms); absent: kept. */
  expiresAt?: number;
  /** The session just left the active state: every key of it gets `expiresAt`. */
  expiryChanged: boolean;
}

export interface SessionLog {
  /** The header and the turns from index `fromTurn`; null when the session is absent. */
  load(id: string, fromTurn: number): Promise<Loaded | null>;
  /** Write atomically if the stored version is `expectedVersion`; 'conflict' otherwise. */
  commit(commit: Commit): Promise<'ok' | 'conflict'>;
  /** The candidate's summaries, any order, expired ones left out. */
  summaries(candidateId: CandidateId): Promise<SessionSummary[]>;
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  setPlace(place: string, sessionId: string): Promise<void>;
  sessionAtPlace(place: string): Promise<string | null>;
  /** Delete the candidate's sessions (headers, turns, index, places). Returns how many. */
  forgetCandidate(candidateId: CandidateId): Promise<number>;
}
