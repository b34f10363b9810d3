/**
 * The words people type for the engine's commands, on every platform: `/interview hint` on
 * Discord and Slack, `/hint` in the terminal. Adapters read them from here, so a new command is
 * named once.
 */
import type { SessionCommandKind } from './commands/index.ts';
import { DIFFICULTIES, LANGS, MODES } from './types.ts';

export { DIFFICULTIES, LANGS, MODES };

/** Commands on the interview at hand that every chat platform offers, in menu order. */
export const SESSION_WORDS = [
  'followup',
  'hint',
  'next',
  'end',
  'scorecard',
  'status',
  'export',
] as const satisfies readonly SessionCommandKind[];
export type SessionWord = (typeof SESSION_WORDS)[number];

/** Every command word a line-based surface (the terminal) takes, and the command it runs. */
export const COMMAND_WORDS = {
  followup: 'followup',
  hint: 'hint',
  next: 'next',
  end: 'end',
  scorecard: 'scorecard',
  status: 'status',
  history: 'history',
  export: 'export',
  abandon: 'abandon',
} as const;
export type CommandWord = keyof typeof COMMAND_WORDS;

/** Other words people type for the same command. */
export const COMMAND_ALIASES: Readonly<Record<string, string>> = {
  'follow-up': 'followup',
  skip: 'next',
  finish: 'end',
  score: 'scorecard',
  list: 'scenarios',
};

export function isOneOf<T extends string>(list: readonly T[], word: string): word is T {
  return (list as readonly string[]).includes(word);
}

export function isSessionWord(word: string): word is SessionWord {
  return isOneOf(SESSION_WORDS, word);
}
