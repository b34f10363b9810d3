/**
 * One typed (or piped) line → an engine command. A line starting with "/" is always a chat
 * command, never an answer: its first word picks the command ("/hint please" is /hint), and
 * a word that is no command (or a lone "/") is reported as unknown.
 *
 * An answer carries the line's id (`lineId()`, given once per typed line): the same line reaching
 * the engine twice (a retry of a turn that was saved but whose reply was lost, e.g. cut at
 * shutdown) is acted on once, as a chat platform's redelivered message is.
 */
import { randomUUID } from 'node:crypto';
import { isForgetConfirmation } from '../../engine/forget-wording.ts';
import { COMMAND_WORDS, type CommandWord } from '../../engine/command-words.ts';
import type { Command } from '../../engine/types.ts';
import { type ImageLine, imageLine } from './image-input.ts';
import { parsePracticeLine } from './practice-input.ts';

export type TerminalInput =
  | { kind: 'command'; command: Command }
  /** `/image PATH [text]`, or a line that is only an image's path: an answer with the file. */
  | ({ kind: 'image' } & ImageLine)
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'unknown'; word: string };

/** A fresh id for one typed line. */
export function lineId(): string {
  return `terminal:${randomUUID()}`;
}

export function parseLine(line: string, messageId?: string): TerminalInput {
  const trimmed = line.trim();
  const image = imageLine(line);
  if (image) return { kind: 'image', ...image };
  const match = /^\/(\S*)/.exec(trimmed);
  if (!match) return { kind: 'command', command: { kind: 'answer', text: line, messageId } };
  const word = match[1]!.toLowerCase();
  if (word === 'help' || word === '?') return { kind: 'help' };
  if (word === 'quit' || word === 'exit') return { kind: 'quit' };
  if (word === 'forget-me') {
    // Deletes only with the confirm word typed after it; alone it asks first.
    const confirm = isForgetConfirmation(trimmed.split(/\s+/)[1]);
    return { kind: 'command', command: { kind: 'forget', confirm } };
  }
  if (Object.hasOwn(COMMAND_WORDS, word)) {
    return { kind: 'command', command: { kind: COMMAND_WORDS[word as CommandWord] } };
  }
  const practice = parsePracticeLine(word, trimmed);
  if (practice) return { kind: 'command', command: practice };
  return { kind: 'unknown', word };
}
