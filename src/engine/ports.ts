/**
 * What the engine needs from the outside world, shaped by the engine's questions rather than
 * by any SDK. Implementations live in src/llm (interviewer, scorer), src/store (sessions,
 * locks) and the composition root; tests pass in-memory fakes.
 */
import type { Framework, Mistake, ProbeFile, Scenario, Stage } from '../knowledge/schema.ts';
import type { CandidateIndex } from './candidate-index.ts';
import type {
  CandidateId,
  Command,
  EngineError,
  EngineRequest,
  Lang,
  Outcome,
  ScorerKind,
  Session,
  StageScore,
  TokenUsage,
  Turn,
} from './types.ts';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Everything an interviewer needs to make its next move in the current stage. */
export interface InterviewerContext {
  framework: Framework;
  scenario: Scenario;
  stage: Stage;
  lang: Lang;
  /** The session as persisted (read-only for the interviewer). */
  session: Readonly<Session>;
  /** This stage's turns so far, oldest first (the candidate's newest message included). */
  stageTurns: readonly Turn[];
  /**
   * How many more unprompted probes the interviewer may make in this stage (set by the
   * difficulty, 0 once the stage's time is up). Absent: no limit. `followup()` ignores it.
   */
  probesLeft?: number;
  /** Area probes per stage and criterion (knowledge/probes.yaml), when the knowledge base has them. */
  probes?: ProbeFile['probes'];
  /** The design mistakes to challenge in this scenario (catalogue and scenario's own). */
  mistakes?: readonly Mistake[];
}

export type InterviewerMoveKind =
  | 'clarify'
  | 'probe'
  | 'followup'
  | 'hint'
  | 'acknowledge'
  | 'advance'
  | 'wrapup';

export interface InterviewerMove {
  move: InterviewerMoveKind;
  message: string;
  /** Ids of scenario facts the message reveals (only facts the scenario holds). */
  revealedFacts: string[];
  /** Key of the follow-up asked, so it is not asked again (e.g. `topic:scale-software`). */
  followupKey?: string;
  /** Ids of the design mistakes this move challenges (each is challenged once per interview). */
  challengedMistakes?: string[];
  usage?: TokenUsage;
  /** Set when the move came from a fallback (e.g. the LLM was down), for logs and status. */
  fallback?: string;
}

export interface Interviewer {
  readonly kind: ScorerKind;
  /** Respond to the candidate's newest message (the last turn in `stageTurns`). */
  respond(context: InterviewerContext): Promise<InterviewerMove>;
  /** A follow-up question tailored to what the candidate said or left out. */
  followup(context: InterviewerContext): Promise<InterviewerMove>;
  /** The hint at `level` (0 = gentlest) for the current stage, never the full answer. */
  hint(context: InterviewerContext, level: number): Promise<InterviewerMove>;
}

export interface StageScoringInput {
  framework: Framework;
  scenario: Scenario;
  stage: Stage;
  lang: Lang;
  /** The candidate's words in this stage, joined. Untrusted text. */
  answer: string;
  /** This stage's turns, for context (interviewer questions, hints given). */
  turns: readonly Turn[];
  /** For per-user budgets and logs. */
  candidateId?: CandidateId;
  sessionId?: string;
}

export interface StageScorer {
  readonly kind: ScorerKind;
  /** Never invents a score: an LLM scorer falls back to the offline one and says so in notes. */
  score(input: StageScoringInput): Promise<StageScore & { usage?: TokenUsage }>;
}

export interface SessionSummary {
  id: string;
  scenarioId: string;
  status: Session['status'];
  createdAt: number;
}

export type PutResult = 'ok' | 'conflict';

export interface SessionStore {
  get(id: string): Promise<Session | null>;
  /**
   * Write `session` if the stored version equals `expectedVersion` (0 for a new session).
   * The caller sets `session.version = expectedVersion + 1` before calling.
   */
  put(session: Session, expectedVersion: number): Promise<PutResult>;
  /** The candidate's sessions, newest first. */
  listByCandidate(candidateId: CandidateId, limit: number): Promise<SessionSummary[]>;
  /** The newest active session of the candidate, if any. */
  lastActive(candidateId: CandidateId): Promise<string | null>;
  /**
   * Atomically record `key` if it was not recorded in the last `ttlMs` (set-if-absent).
   * True the first time: used to process a redelivered platform event once.
   */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Remember that `place` (a Discord or Slack thread, a terminal) holds `sessionId`. */
  setPlace(place: string, sessionId: string): Promise<void>;
  /** The session held at `place`, if any (it may since have expired: `get` then says null). */
  sessionAtPlace(place: string): Promise<string | null>;
  /**
   * Delete everything kept about the candidate: their sessions with every turn, the candidate
   * index and the places pointing at them. Returns how many sessions were deleted.
   */
  forgetCandidate(candidateId: CandidateId): Promise<number>;
}

export interface SessionLock {
  /**
   * Run `work` while holding the lock on `key`, across processes where the store is shared.
   * Waits (queues) for a held lock up to the implementation's limit, then throws `LockBusyError`.
   */
  withLock<T>(key: string, work: () => Promise<T>): Promise<T>;
}

export class LockBusyError extends Error {
  constructor(key: string) {
    super(`lock busy: ${key}`);
    this.name = 'LockBusyError';
  }
}

export type Admission =
  | { ok: true }
  | {
      ok: false;
      code: 'rate-limited' | 'budget-exhausted';
      retryAfterMs: number;
      /** Whose budget ran out: the candidate's own (default) or their team's. */
      scope?: 'user' | 'team';
    };

/**
 * Limits per candidate and per team (turns per minute, daily token budget). `tenantId` is the
 * team the request comes from (a Slack workspace, a Discord server), when there is one.
 */
export interface UsageGuard {
  admit(candidateId: CandidateId, tenantId?: string): Promise<Admission>;
  record(candidateId: CandidateId, usage: TokenUsage, tenantId?: string): Promise<void>;
}

export const unlimited: UsageGuard = {
  admit: async () => ({ ok: true }),
  record: async () => {},
};

/** Why the LLM path is switched off for now (see the circuit breaker in src/llm). */
export interface LlmOutage {
  reason: string;
  since: number;
  /** When the LLM is tried again (epoch ms). */
  retryAt: number;
}

/** Whether the LLM path is in use right now, so the conversation and /status can say so. */
export interface LlmHealth {
  outage(): LlmOutage | null;
}

export const alwaysHealthy: LlmHealth = { outage: () => null };

/**
 * What a finished command looked like, for the operations side (one log line and metrics per
 * turn). Filled in by the engine as the command runs; no answer text unless the gate asks.
 */
export interface TurnReport {
  command: Command['kind'];
  sessionId: string | null;
  /** The session's stage after the command (null when no session was reached). */
  stage: string | null;
  /** The kind of the interviewer's last turn in this command, e.g. `probe`. */
  move: string | null;
  tokens: TokenUsage;
}

/**
 * Admission of commands by the process as a whole (not per candidate): refuse new turns while
 * the process drains for shutdown, while the store is unreachable, or when too much LLM work is
 * already queued here; and cut a turn in flight short (shutdown deadline, store lost), so the
 * candidate is told at once instead of waiting for a turn that cannot finish.
 */
export interface TurnGate {
  enter(request: EngineRequest, usesLlm: boolean): TurnEntry;
}

export type TurnEntry =
  | {
      ok: true;
      /** Resolves with the error to show if the turn must be abandoned; may never resolve. */
      cut: Promise<EngineError>;
      /**
       * A second look at a failed outcome before it is shown: an `internal` error caused by a
       * store that stopped answering becomes `store-down`, which tells the candidate more.
       */
      review(outcome: Outcome): Promise<Outcome>;
      /** Called exactly once with what the candidate was shown. */
      finish(outcome: Outcome, report: TurnReport): void;
    }
  | { ok: false; error: EngineError };

export const openGate: TurnGate = {
  enter: () => ({
    ok: true,
    cut: new Promise<EngineError>(() => {}),
    review: async (outcome) => outcome,
    finish() {},
  }),
};

/** The few log calls the engine makes; pino satisfies it. */
export interface EngineLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: EngineLogger = { info() {}, warn() {}, error() {} };

/**
 * One small record per candidate (their history entries, per-stage scores and review
 * schedule, reminder choice): what `history`, `drill` and `practice` read instead of loading
 * every past session. Kept on the store's key-value primitives, so it works on every backend.
 */
export interface CandidateIndexStore {
  read(candidateId: CandidateId): Promise<CandidateIndex | null>;
  /**
   * Read, change and write the record, serialised per candidate (across processes where the
   * store is shared). `change` gets null for a candidate with no record yet.
   */
  update(
    candidateId: CandidateId,
    change: (current: CandidateIndex | null) => CandidateIndex,
  ): Promise<CandidateIndex>;
  /** Candidates whose reminders are on (for the reminder sweep). */
  withReminders(): Promise<CandidateId[]>;
  /** Delete the candidate's record and take them off the reminder list (`/forget-me`). */
  forget(candidateId: CandidateId): Promise<void>;
}

/**
 * Small durable JSON records by key, for what is neither a session nor a counter (a Slack
 * workspace's installation, a candidate's practice index). Wherever the store is.
 */
export interface RecordStore {
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * Draws progress charts as PNG. The engine decides what is drawn (which scores, titles and
 * labels in the interview's language); the renderer only draws it. Implemented in
 * src/practice (Vega-Lite and resvg) and wired at the composition root, so the engine imports
 * no drawing library. Rejects when it cannot draw; the engine then sends its replies without
 * the chart and logs why.
 */
export interface ChartRenderer {
  /** One line per stage: scores (1–4) over time. */
  progress(chart: ProgressChart): Promise<Uint8Array>;
  /** One spoke per stage: the latest interview's scores against the candidate's average. */
  radar(chart: RadarChart): Promise<Uint8Array>;
}

export interface ProgressChart {
  title: string;
  /** Axis and legend words, in the chart's language. */
  labels: { score: string; stage: string };
  /** `stage`: the stage's title as shown; `at`: epoch ms. */
  points: { stage: string; at: number; score: number }[];
}

export interface RadarChart {
  title: string;
  /** One per spoke, in order; a score absent on a spoke is drawn at the centre. */
  spokes: { label: string; latest: number | null; average: number | null }[];
  legend: { latest: string; average: string };
}
