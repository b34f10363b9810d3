/**
 * A line typed while the interview asks for a self-assessment rating (before the scorecard):
 * 1–4 rates the stage asked about, `s` (or `skip`, `/skip`, an empty line) skips the rest,
 * `/quit` leaves (the scorecard stays stored; it is shown once the rest is rated or skipped).
 */
import type { Level } from '../../engine/types.ts';

export type RatingInput =
  | { kind: 'rate'; level: Level }
  | { kind: 'skip' }
  | { kind: 'quit' }
  | { kind: 'invalid' };

export function parseRating(line: string): RatingInput {
  const word = line.trim().toLowerCase().replace(/^\//, '');
  if (/^[1-4]$/.test(word)) return { kind: 'rate', level: Number(word) as Level };
  if (word === '' || word === 's' || word === 'skip') return { kind: 'skip' };
  if (word === 'quit' || word === 'exit') return { kind: 'quit' };
  return { kind: 'invalid' };
}
