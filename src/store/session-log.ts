/**
 * The part every store backend implements: an interview as a small header plus an append-only
 * list of turns. A turn writes the header and the turns it added, never the whole interview,
 * so its cost does not grow with the interview's length. `LogSessionStore` builds the
 * engine's `SessionStore` on top of it.
 */
import type { SessionSummary } from '../engine/ports.ts';
import type { CandidateId, Session, Turn } from '../engine/types.ts';

/** Everything of a session but its turns, plus how many turns it has. */
export type SessionHeader = Omit<Session, 'turns'> & { turnCount: number };

export interface Loaded {
  header: SessionHeader;
  /** The turns from the requested index to the end. */
  turns: Turn[];
}

export interface Commit {
  header: SessionHeader;
  /** The turns added since `expectedVersion`, numbered from `fromTurn`. */
  newTurns: Turn[];
  fromTurn: number;
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
