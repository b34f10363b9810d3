/**
 * Looking back at an interview: where a gap or a mistake happened (replay references) and the
 * candidate's own rating of each stage (self-assessment). Platform-neutral, like every type of
 * the engine (re-exported by types.ts).
 */
import type { Level, StageId } from './types.ts';

/**
 * Where on the scorecard a gap or a mistake happened: the turn's number (1-based position in
 * the transcript, as the export numbers it) and, when the adapter gave one, the platform's id
 * for that message. Adapters turn it into a link (`ReplayLink`, src/engine/replay.ts).
 */
export interface TurnRef {
  turn: number;
  messageId?: string;
}

/**
 * The candidate's own rating of each stage, asked before the scorecard when self-assessment is
 * on (see `Session.selfAssessment`).
 */
export interface SelfAssessment {
  /** Ratings given so far, by stage. */
  ratings: Partial<Record<StageId, Level>>;
  /** Set when the candidate rated every stage or skipped the rest: the scorecard is shown. */
  done?: boolean;
  /** The candidate skipped (some or all of) it. */
  skipped?: boolean;
}
