/**
 * The engine's vocabulary: sessions, commands, replies, scores. Platform-neutral and
 * LLM-neutral: adapters translate platform events into `Command`s and render `Reply`s.
 */
import { DIFFICULTIES, LANGS, STAGE_IDS } from '../knowledge/schema.ts';
import type { Difficulty, Lang, Scenario, StageId } from '../knowledge/schema.ts';
import type { Attachment } from './attachments.ts';
import type { ReplyFile } from './reply-files.ts';
import type { EngineError } from './errors.ts';
import type { SelfAssessment, TurnRef } from './review-types.ts';
import type { StoredNote } from './score-notes.ts';

// Re-exported so adapters name languages, difficulties and stages without the knowledge base.
export { DIFFICULTIES, LANGS, STAGE_IDS };
export type { EngineError, ErrorCode, ErrorParams, ErrorParamsOf } from './errors.ts';
export type { SelfAssessment, TurnRef } from './review-types.ts';
export type { Attachment } from './attachments.ts';
/** A scenario as `engine.scenarios()` lists it (id, titles, tags) for pickers and menus. */
export type { Difficulty, Lang, ReplyFile, Scenario, StageId };

export const MODES = ['interview', 'coach'] as const;
/** interview: feedback only at the end, like the real thing. coach: feedback after each stage. */
export type Mode = (typeof MODES)[number];

/**
 * Who acts. Platform-qualified so ids never collide across platforms:
 * `terminal:<user>`, `discord:<userId>`, `slack:<teamId>:<userId>`.
 */
export type CandidateId = string;

export type Level = 1 | 2 | 3 | 4;

export type TurnKind =
  | 'stage-open' // interviewer opens a stage with its question
  | 'answer' // candidate's message (an answer or a clarifying question)
  | 'clarify' // interviewer answers a clarifying question from the scenario's facts
  | 'probe' // interviewer digs into what was said or not said
  | 'followup' // a follow-up the candidate asked for (or the interviewer chose)
  | 'hint'
  | 'nudge' // pacing
  | 'acknowledge'
  | 'feedback' // coach-mode stage feedback
  | 'wrapup';

export interface Turn {
  id: string;
  at: number;
  stage: StageId;
  role: 'candidate' | 'interviewer';
  kind: TurnKind;
  text: string;
  /**
   * The platform's id for the message this turn came from, when the adapter gave one
   * (`Command` answer `messageId`): opaque to the engine, turned into a link by the adapter.
   */
  messageId?: string;
}

export interface TokenUsage {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
}

export interface CriterionScore {
  id: string;
  /** The criterion's name in the interview's language: set on every score a reply carries. */
  name?: string;
  level: Level;
  /** Quotes taken verbatim from the candidate's words (checked in code). */
  evidence: string[];
  feedback: string;
}

export type ScorerKind = 'offline' | 'llm';

export interface StageScore {
  stage: StageId;
  /** Which scorer produced this score. `offline` is always shown as such to the candidate. */
  scorer: ScorerKind;
  /** 1–4, may be fractional. */
  score: number;
  /** The integer band of `score`. */
  level: Level;
  criteria: CriterionScore[];
  /**
   * The answer was too short to judge ("not sure", a few words with no content): shown as "not
   * enough to judge" and kept out of every average. `score`/`level` are then placeholders.
   */
  insufficient?: boolean;
  feedback: string;
  /** The scenario's key points for this stage that the answer did not cover. */
  missedKeyPoints: string[];
  /** Notes shown with the score (codes; plain text in older sessions): `noteText` words them. */
  notes: StoredNote[];
  /**
   * What the diagram critique and the estimate checker found in this stage's answer (also in
   * `notes`), for renderings that list them apart, e.g. the Discord scorecard.
   */
  checks?: string[];
  /**
   * How far the LLM judge's samples agreed (absent for a single sample or the offline scorer):
   * `samples` used, and `spread`, the largest difference in level between two samples on any
   * one criterion (0 = they agreed). The notes say it in words.
   */
  confidence?: { samples: number; spread: number };
  /** For reproducibility of LLM scores. */
  promptVersion?: string;
  model?: string;
}

export interface StageProgress {
  stage: StageId;
  startedAt?: number;
  endedAt?: number;
  hintsUsed: number;
  /** Keys of the follow-ups already asked, so none is asked twice. */
  followupsAsked: string[];
  /** Ids of the scenario facts already revealed. */
  revealedFacts: string[];
  /** Whether the pacing nudge was already given. */
  nudged: boolean;
  /** Design mistakes made in this stage and challenged: which, and the message that made it. */
  mistakes?: { id: string; turnId: string }[];
  /** Present once the stage is closed and scored; absent for stages never reached. */
  score?: StageScore;
}

export type SessionStatus = 'active' | 'finished' | 'abandoned';

export interface Session {
  id: string;
  /** Incremented on every write; writes check it (optimistic concurrency across processes). */
  version: number;
  candidateId: CandidateId;
  scenarioId: string;
  mode: Mode;
  lang: Lang;
  difficulty: Difficulty;
  /** The stages this interview walks through, in order. */
  plan: StageId[];
  /** Index into `plan` of the current stage. */
  stageIndex: number;
  status: SessionStatus;
  createdAt: number;
  updatedAt: number;
  finishedAt?: number;
  turns: Turn[];
  /** Aligned with `plan`. */
  stages: StageProgress[];
  /**
   * A candidate message that was persisted but whose turn has not completed (the process died
   * mid-turn, e.g. during an LLM call). The next command for the session completes it first.
   */
  pending?: { turnId: string; receivedAt: number };
  usage: TokenUsage;
  scorecard?: Scorecard;
  /** A drill: a short session on one stage (`plan` has that one stage), counted as such. */
  drill?: boolean;
  /** Self-assessment was on when it started: stages are rated before the scorecard. */
  selfAssessment?: SelfAssessment;
}

export const HIRE_SIGNALS = [
  'strong-no-hire',
  'no-hire',
  'lean-no-hire',
  'lean-hire',
  'hire',
  'strong-hire',
] as const;
export type HireSignal = (typeof HIRE_SIGNALS)[number];

export interface ScorecardStage {
  stage: StageId;
  title: string;
  /** Null for stages the interview never reached. */
  score: StageScore | null;
  hintsUsed: number;
  durationMs: number;
}

/** A design mistake the candidate made and was challenged on (knowledge/mistakes.yaml). */
export interface ScorecardMistake {
  id: string;
  /** The stage's title. */
  stage: string;
  title: string;
  why: string;
  /** Whether the candidate's later words fixed it. */
  recovered: boolean;
  /** The message that made it (absent on old scorecards). */
  at?: TurnRef;
}

export interface Scorecard {
  sessionId: string;
  scenarioId: string;
  scenarioTitle: string;
  lang: Lang;
  mode: Mode;
  /** Mean of the reached stages' scores, 1–4. */
  overall: number;
  level: Level;
  hireSignal: HireSignal;
  stages: ScorecardStage[];
  strengths: string[];
  gaps: string[];
  /** Where each gap happened, aligned with `gaps` (null: no one message); absent on old cards. */
  gapTurns?: (TurnRef | null)[];
  nextSteps: string[];
  /** Design mistakes challenged during the interview and whether the candidate recovered. */
  mistakes?: ScorecardMistake[];
  hintsUsed: number;
  durationMs: number;
  /** Which scorers produced the stage scores (so "offline" is always visible). */
  scorers: ScorerKind[];
  generatedAt: number;
  /** The candidate's own ratings, when they gave any (self-assessment). */
  self?: Partial<Record<StageId, Level>>;
}

/** The buttons an interviewer message can carry. */
export const ACTIONS = ['followup', 'hint', 'next', 'end'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Where an interview lives or a command was given, in platform-neutral terms: a thread, a
 * channel, a DM, a terminal. `key` is the platform's own name for it (`discord:dm:<channelId>`,
 * `slack:<team>:<channel>`, `terminal:<user>`). `perCandidate`: a place many candidates share,
 * each with an interview of their own there (a Slack channel); otherwise the place holds one
 * interview, whoever asks (a thread: a stranger there is refused by the engine, not ignored).
 */
export interface Place {
  key: string;
  perCandidate?: boolean;
}

export type Command =
  | {
      kind: 'start';
      scenarioId: string;
      mode?: Mode;
      lang?: Lang;
      difficulty?: Difficulty;
      /** Where the interview can be found afterwards with `engine.sessionAt` (newest wins). */
      places?: Place[];
      /**
       * Start a drill on this one stage instead of a whole interview (`InterviewEngine.planDrill`
       * picks the stage and scenario, and says why).
       */
      drill?: { stage: StageId; why?: 'asked' | 'weakest' | 'due' };
    }
  /**
   * `messageId`: the platform's id for the message, used to process a redelivery once.
   * `attachments`: files sent with the message (a diagram as an image), already downloaded by
   * the adapter from the platform's own file URL; the engine checks their type and size.
   */
  | { kind: 'answer'; text: string; messageId?: string; attachments?: Attachment[] }
  | { kind: 'followup' }
  | { kind: 'hint' }
  | { kind: 'next' }
  | { kind: 'end' }
  | { kind: 'scorecard' }
  | { kind: 'status' }
  | { kind: 'history'; charts?: false } // `charts: false`: no chart is shown (App Home)
  | { kind: 'export' }
  | { kind: 'abandon' }
  /** Delete everything kept about the actor; acts only with `confirm`, else asks for it. */
  | { kind: 'forget'; confirm?: boolean }

  /** The level-4 model answer of a stage (default: the weakest scored stage of the session). */
  | { kind: 'model-answer'; stage?: StageId }
  /** Turn the candidate's practice reminders on or off (no session needed). */
  | { kind: 'reminders'; on: boolean }
  /** Turn self-assessment on or off for the candidate's next interviews (no session needed). */
  | { kind: 'self-assess-setting'; on: boolean }
  /** A stage's self-rating before the scorecard; without `level`, skip the rest. */
  | { kind: 'self-assess'; stage?: StageId; level?: Level };
export type CommandKind = Command['kind'];

export interface EngineRequest {
  actor: CandidateId;
  /**
   * The session the command is for. For `start`, the id the adapter wants (a Discord thread,
   * a Slack thread); generated when absent. `history` needs none.
   */
  sessionId?: string;
  command: Command;
  /**
   * The language for replies when no session decides it (errors before a session is found,
   * `history`). Optional: defaults to English.
   */
  lang?: Lang;
  /**
   * The team the request comes from, for per-team budgets: `slack:<team id>`,
   * `discord:<guild id>`. Absent in the terminal and in direct messages.
   */
  tenant?: string;
}

export interface StatusView {
  sessionId: string;
  scenarioId: string;
  scenarioTitle: string;
  mode: Mode;
  lang: Lang;
  difficulty: Difficulty;
  status: SessionStatus;
  stage: StageId;
  stageTitle: string;
  stageNumber: number;
  stageCount: number;
  stageElapsedMs: number;
  stageBudgetMs: number;
  elapsedMs: number;
  hintsUsed: number;
  usage: TokenUsage;
  interviewer: ScorerKind;
  scorer: ScorerKind;
  /** The interviewer's latest message, so a resumed interview shows where it stopped. */
  lastInterviewerMessage?: string;
}

export interface HistoryEntry {
  sessionId: string;
  scenarioId: string;
  scenarioTitle: string;
  startedAt: number;
  status: SessionStatus;
  overall: number | null;
  stageScores: Partial<Record<StageId, number>>;
  /** A one-stage drill rather than a whole interview. */
  drill?: boolean;
  /** Mean |self-rating − score| over the stages the candidate rated (self-assessment). */
  selfGap?: number;
  /**
   * The interview waits for the candidate's self-ratings: its scores are withheld (overall null,
   * no stage scores) until they are in, so history cannot show them first.
   */
  awaitingSelfRatings?: true;
}

export interface HistoryView {
  entries: HistoryEntry[];
  /** Every stage's title in the reply's language (entries name stages by id). */
  stageTitles: Record<StageId, string>;
  /** Overall score trend across finished interviews, oldest first. */
  trend: number[];
  /** Difference between the mean of the latest three and the three before, when known. */
  trendDelta: number | null;
  /** Mean |self − scored| per self-assessed interview, oldest first; delta < 0: converging. */
  selfGaps?: { trend: number[]; delta: number | null };
}

export type Reply =
  | {
      kind: 'message';
      from: 'interviewer' | 'system';
      tone: 'normal' | 'info' | 'warning';
      text: string;
      actions: Action[];
    }
  | {
      kind: 'stage-opened';
      stage: StageId;
      number: number;
      total: number;
      title: string;
      question: string;
      actions: Action[];
    }
  | { kind: 'stage-feedback'; title: string; score: StageScore }
  // `files`: charts (src/engine/reply-files.ts), when charts are on and there is data.
  | { kind: 'scorecard'; scorecard: Scorecard; files?: ReplyFile[] }
  | { kind: 'status'; status: StatusView }
  | { kind: 'history'; history: HistoryView; files?: ReplyFile[] }
  | { kind: 'export'; filename: string; markdown: string; files?: ReplyFile[] }
  /**
   * `/forget-me`: `confirm` asks before deleting (the text says what goes and how to confirm),
   * `done` says what was deleted.
   */
  | { kind: 'forget'; step: 'confirm' | 'done'; sessions: number; text: string }
  /** Self-assessment: rate `stage` 1–4 (a `self-assess` command answers; skip always offered). */
  | {
      kind: 'self-assess';
      stage: StageId;
      title: string;
      number: number;
      total: number;
      text: string;
    }
  | {
      kind: 'model-answer';
      stage: StageId;
      /** The stage's title, in the session's language. */
      title: string;
      scenarioTitle: string;
      text: string;
    };

export type Outcome =
  | { ok: true; sessionId: string | null; lang: Lang; replies: Reply[] }
  | { ok: false; lang: Lang; error: EngineError };
