/** The engine's expected failures: stable codes, with typed values for their wording. */

export type ErrorCode =
  | 'unknown-scenario'
  | 'no-session'
  | 'session-exists'
  | 'not-your-session'
  | 'session-over'
  | 'empty-answer'
  | 'not-a-command'
  | 'rate-limited'
  | 'budget-exhausted'
  | 'busy'
  | 'overloaded'
  | 'store-down'
  | 'restarting'
  | 'unknown-stage'
  | 'nothing-due'
  | 'internal';

/** The values each error's wording takes (codes not listed take none). */
export interface ErrorParams {
  'unknown-scenario': { id: string; suggestions: string };
  /** `scope`: whose limit (the candidate's own, or their workspace/server's shared one). */
  'rate-limited': { retryAfterSeconds: number; scope?: 'user' | 'team' };
  'budget-exhausted': { retryAfterMinutes: number; scope?: 'user' | 'team' };
  overloaded: { retryAfterSeconds: number };
  /** `resend`: the turn was cut by the restart before the message was handled. */
  restarting: { resend?: 1 };
  /** `resend`: the candidate's message was not saved, so they are asked to send it again. */
  internal: { resend?: 1 };
}

/** The params of error `C` (an empty record for codes that take none). */
export type ErrorParamsOf<C extends ErrorCode> = C extends keyof ErrorParams
  ? ErrorParams[C]
  : Record<never, never>;

/** An engine error: a stable code, and typed values for its wording. */
export type EngineError = {
  [C in ErrorCode]: { code: C; params?: ErrorParamsOf<C> };
}[ErrorCode];
