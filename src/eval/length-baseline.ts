/**
 * The length-only baseline: what you would get by scoring an answer on how long it is.
 *
 * Length is the number of word tokens (Intl.Segmenter, so a Chinese answer's words count like
 * an English answer's, not its characters). The set's own length quartiles map to levels: the
 * shortest quarter of answers gets 1, the next 2, then 3, the longest quarter 4 (ties share a
 * level, by average rank). The quartiles are taken from the set being evaluated, which flatters
 * the baseline slightly; its Spearman uses the raw length, the strongest a length rule can do.
 *
 * A scorer worth having must beat this by a clear margin: labels reward reasoning, not volume,
 * and the labeled sets contain long padded answers and short expert ones on purpose.
 */
import type { Level } from '../engine/types.ts';
import { averageRanks } from './metrics.ts';

const segmenters = new Map<string, Intl.Segmenter>();

/** Word tokens in `text`, in any language the segmenter knows (Chinese words included). */
export function wordCount(text: string): number {
  let segmenter = segmenters.get('zh');
  if (!segmenter) {
    // The Chinese segmenter also splits Latin text on spaces and punctuation.
    segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    segmenters.set('zh', segmenter);
  }
  let count = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++;
  return count;
}

export interface BaselinePrediction {
  /** The length itself, used for rank statistics. */
  score: number;
  level: Level;
}

/** Predicts a level for every answer from its length's quartile within the set. */
export function lengthBaseline(answers: readonly string[]): BaselinePrediction[] {
  const lengths = answers.map(wordCount);
  const ranks = averageRanks(lengths);
  const n = lengths.length;
  return lengths.map((length, i) => {
    const fraction = (ranks[i]! - 0.5) / n; // in (0, 1)
    const level = Math.min(4, Math.floor(fraction * 4) + 1) as Level;
    return { score: length, level };
  });
}
