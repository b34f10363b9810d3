/**
 * The shape of the wording table: every sentence the engine or an adapter shows a candidate.
 * One table per language (en.ts, zh.ts); `msg(lang)` in ../messages.ts picks one.
 */
import type {
  Action,
  Difficulty,
  ErrorCode,
  ErrorParamsOf,
  HireSignal,
  Level,
  Mode,
  ScorerKind,
  StatusView,
} from '../types.ts';
import type { ScoreNote, ScoreNoteCode } from '../score-notes.ts';

/** The notes a scorer adds to a stage score, worded here so both scorers speak both languages. */
export type ScoreNotes = {
  [C in ScoreNoteCode]: (note: Extract<ScoreNote, { code: C }>) => string;
};

export const round1 = (n: number) => Math.round(n * 10) / 10;

export interface Messages {
  errors: { [C in ErrorCode]: (p: Partial<ErrorParamsOf<C>>) => string };
  notes: ScoreNotes;
  actions: Record<Action, string>;
  actionHelp: Record<Action, string>;
  hireSignals: Record<HireSignal, string>;
  modes: Record<Mode, string>;
  difficulties: Record<Difficulty, string>;
  levels: Record<Level, string>;
  scorers: Record<ScorerKind, string>;
  stageHeading: (number: number, total: number, title: string) => string;
  interviewStarted: (title: string, mode: Mode, difficulty: Difficulty, stages: number) => string;
  offlineInterviewer: string;
  offlineScorer: string;
  longAnswer: (length: number, cap: number) => string;
  overCap: (cap: number) => string;
  scoredOnlyCap: (cap: number) => string;
  allHintsUsed: (count: number) => string;
  hint: (number: number, total: number, text: string) => string;
  nudge: (minutesLeft: number, stageTitle: string) => string;
  timeUp: (stageTitle: string) => string;
  resumedPending: string;
  scorecardInProgress: string;
  abandoned: string;
  wrapUp: string;
  stageFeedback: (title: string, score: number, missed: string[]) => string;
  // Scorecard, status, history and export wording.
  scorecardTitle: string;
  overall: string;
  hireSignal: string;
  stage: string;
  score: string;
  level: string;
  hints: string;
  time: string;
  strengths: string;
  gaps: string;
  nextSteps: string;
  mistakes: string;
  mistakeLine: (stage: string, title: string, recovered: boolean, why: string) => string;
  evidence: string;
  feedback: string;
  missedKeyPoints: string;
  notReached: string;
  /** A stage whose answer was too short to grade: shown instead of a score. */
  notEnoughToJudge: string;
  notAnswered: string;
  scoredBy: string;
  none: string;
  transcript: string;
  exportTitle: (scenarioTitle: string) => string;
  interviewer: string;
  candidate: string;
  scenario: string;
  mode: string;
  language: string;
  difficulty: string;
  started: string;
  status: string;
  statusLabel: Record<'active' | 'finished' | 'abandoned', string>;
  strength: (stage: string, criterion: string, level: Level, quote: string | null) => string;
  gap: (stage: string, criterion: string, level: Level, feedback: string) => string;
  /** A gap: a sentence read as a wrong idea (`note`: the worded 'wrong-idea' note). */
  wrongIdeaGap: (stage: string, note: string) => string;
  missedPoint: (stage: string, point: string) => string;
  /** Practise a key point of this scenario that the candidate missed. */
  nextStepPoint: (stage: string, point: string) => string;
  /** A weak criterion with no missed key point to name: explain, with reasons and figures. */
  nextStepCriterion: (stage: string, criterion: string) => string;
  reachMoreStages: (stages: string[]) => string;
  noStageAnswered: string;
  lessHints: (count: number) => string;
  duration: (ms: number) => string;
  statusText: (view: StatusView) => string;
  historyEmpty: string;
  /** In place of a score in history: the interview waits for the candidate's self-ratings. */
  historyAwaitingSelfRatings: string;
  historyTrend: (delta: number | null, count: number) => string;
}
