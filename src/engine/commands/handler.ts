/** The shape of a command that acts on an existing session (everything but start and history). */
import type { SessionTurn } from '../session-turn.ts';
import type { Command, EngineError, SessionStatus } from '../types.ts';

export interface SessionCommandHandler {
  /** Session states the command works in; otherwise the engine answers `session-over`. */
  allowedIn: readonly SessionStatus[];
  /** Whether it may call the interviewer or the scorer (then the usage guard admits it first). */
  usesLlm: boolean;
  /** Whether a turn left pending by a crash is completed before it runs. */
  completesPending: boolean;
  /** Checks of the command itself, before anything is written. */
  validate?(command: Command): EngineError | null;
  /** Does the work: mutates `turn.session`, saves, and adds replies to `turn.replies`. */
  run(turn: SessionTurn, command: Command): Promise<void>;
}
