/**
 * Chat lines of the practice loop: `/model-answer [stage]`, `/self-assess on|off`. (Drills and /practice start a new
 * session, so in the terminal they are `chat --drill [--stage ID]` and `chat --practice`.)
 */
import type { Command, StageId } from '../../engine/types.ts';

export const PRACTICE_WORDS = ['model-answer', 'self-assess'] as const;

/** The command for a practice word, or null when the word is not one. */
export function parsePracticeLine(word: string, line: string): Command | null {
  if (word === 'self-assess') {
    const state = line.split(/\s+/)[1]?.toLowerCase();
    return state === 'on' || state === 'off'
      ? { kind: 'self-assess-setting', on: state === 'on' }
      : null;
  }
  if (word !== 'model-answer') return null;
  const stage = line.split(/\s+/)[1]?.toLowerCase();
  // The engine checks the stage against the interview's plan and says which exist.
  return stage ? { kind: 'model-answer', stage: stage as StageId } : { kind: 'model-answer' };
}
