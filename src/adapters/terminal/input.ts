/**
 * One typed (or piped) line → an engine command. A line starting with "/" is always a chat
 * command, never an answer: its first word picks the command ("/hint please" is /hint), and
 * a word that is no command (or a lone "/") is reported as unknown.
 */
import type { Command } from '../../engine/types.ts';
import { PRACTICE_WORDS, parsePracticeLine } from './practice-input.ts';

export type TerminalInput =
  | { kind: 'command'; command: Command }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'unknown'; word: string };

const SIMPLE_COMMANDS = {
  followup: 'followup',
  hint: 'hint',
  next: 'next',
  end: 'end',
  scorecard: 'scorecard',
  status: 'status',
  history: 'history',
  export: 'export',
  abandon: 'abandon',
} as const satisfies Record<string, Command['kind']>;

export const CHAT_COMMANDS = [...Object.keys(SIMPLE_COMMANDS), ...PRACTICE_WORDS, 'help', 'quit'];

export function parseLine(line: string): TerminalInput {
  const trimmed = line.trim();
  const match = /^\/(\S*)/.exec(trimmed);
  if (!match) return { kind: 'command', command: { kind: 'answer', text: line } };
  const word = match[1]!.toLowerCase();
  if (word === 'help' || word === '?') return { kind: 'help' };
  if (word === 'quit' || word === 'exit') return { kind: 'quit' };
  if (word in SIMPLE_COMMANDS) {
    return {
      kind: 'command',
      command: { kind: SIMPLE_COMMANDS[word as keyof typeof SIMPLE_COMMANDS] },
    };
  }
  const practice = parsePracticeLine(word, trimmed);
  if (practice) return { kind: 'command', command: practice };
  return { kind: 'unknown', word };
}
