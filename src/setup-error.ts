/**
 * One error style for everything a user can get wrong at start-up or in a command: what is
 * wrong, which setting or input caused it, and what to do, in one or two lines. Entry points
 * print `message` alone (the stack only with LOG_LEVEL=debug) and exit with `exitCode`.
 *
 * Exit codes: 1 = a setting or an outside service (store, Redis, LLM, Discord, Slack) is wrong
 * or unreachable; 2 = a bad command line or input (unknown command, flag or scenario).
 */
export interface SetupProblem {
  /** What is wrong, e.g. `cannot create the folder /sys/x for the sqlite file (EACCES)`. */
  problem: string;
  /** The setting or input that caused it, e.g. `DATABASE_PATH`. */
  setting?: string;
  /** What to do about it. */
  fix: string;
  exitCode?: 1 | 2;
  cause?: unknown;
}

export class SetupError extends Error {
  override name = 'SetupError';
  readonly setting: string | undefined;
  readonly fix: string;
  readonly exitCode: 1 | 2;

  constructor(problem: SetupProblem) {
    const where = problem.setting ? `${problem.setting}: ` : '';
    super(`${where}${problem.problem}.\n  fix: ${problem.fix}`, { cause: problem.cause });
    this.setting = problem.setting;
    this.fix = problem.fix;
    this.exitCode = problem.exitCode ?? 1;
  }
}

/** The error code or message of anything thrown, short, for the `problem` part. */
export function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = message.split('\n')[0] ?? '';
  if (typeof code === 'string' && !firstLine.includes(code)) return `${code}: ${firstLine}`;
  return firstLine;
}

/**
 * How an entry point reports an error that ended it: our own errors as they are, anything else
 * as one line that says it is unexpected; the stack only when asked for (LOG_LEVEL=debug|trace).
 */
export function formatFatal(error: unknown, logLevel: string | undefined): string {
  const debug = logLevel === 'debug' || logLevel === 'trace';
  if (debug && error instanceof Error && error.stack) return `${error.stack}\n`;
  if (isUserFacing(error)) return `${(error as Error).message}\n`;
  return `unexpected error: ${reasonOf(error)}\n  fix: run again with LOG_LEVEL=debug for the details, and report it if it persists\n`;
}

/** Errors whose message is written for the user (ours, config and knowledge errors). */
export function isUserFacing(error: unknown): boolean {
  return (
    error instanceof Error &&
    ['SetupError', 'ConfigError', 'KnowledgeError', 'UsageError'].includes(error.name)
  );
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof SetupError) return error.exitCode;
  if (error instanceof Error && error.name === 'UsageError') return 2;
  return 1;
}
