/** Score → level, defined once for the engine, both scorers and every adapter. */
import type { Level } from './types.ts';

/** The integer band of a 1–4 score: the nearest level, halves rounded up. */
export function levelOf(score: number): Level {
  return Math.min(4, Math.max(1, Math.round(score))) as Level;
}
