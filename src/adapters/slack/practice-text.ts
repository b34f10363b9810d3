/**
 * `/interview` words of the practice loop. Pure: no Slack, no engine calls.
 *
 *   /interview model-answer [stage]   the model answer (after the interview)
 *   /interview drill [stage]          a one-stage drill (default: the weakest stage)
 *   /interview practice               a drill on the stage due for review
 *   /interview reminders on|off       practice reminders by DM
 *   /interview self-assess on|off     rate each stage yourself before the scorecard
 */
import type { StageId } from '../../engine/types.ts';

export type PracticeRequest =
  | { kind: 'model-answer'; stage?: StageId }
  | { kind: 'drill'; stage?: string }
  | { kind: 'practice' }
  | { kind: 'reminders'; on: boolean }
  | { kind: 'self-assess'; on: boolean };

/** The practice request for `word` and its arguments; null when the word is not one. */
export function parsePracticeWords(
  word: string,
  args: string[],
): PracticeRequest | { kind: 'unsupported'; word: string } | null {
  const arg = args[0]?.toLowerCase();
  if (args.length > 1) return { kind: 'unsupported', word: args[1]! };
  switch (word) {
    case 'model-answer':
    case 'answer':
      // The engine checks the stage against the interview's plan and says which exist.
      return arg ? { kind: 'model-answer', stage: arg as StageId } : { kind: 'model-answer' };
    case 'drill':
      return arg ? { kind: 'drill', stage: arg } : { kind: 'drill' };
    case 'practice':
      return arg ? { kind: 'unsupported', word: args[0]! } : { kind: 'practice' };
    case 'reminders':
      if (arg === 'on' || arg === 'off') return { kind: 'reminders', on: arg === 'on' };
      return { kind: 'unsupported', word: args[0] ?? word };
    case 'self-assess':
      if (arg === 'on' || arg === 'off') return { kind: 'self-assess', on: arg === 'on' };
      return { kind: 'unsupported', word: args[0] ?? word };
    default:
      return null;
  }
}
