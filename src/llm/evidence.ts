/**
 * Holding LLM scores to the candidate's words. A quote the model gives as evidence must appear
 * verbatim (up to whitespace) in the answer, or it is dropped; a criterion left without evidence
 * is capped at level 1, because a level above 1 says the candidate showed something, and there
 * is then nothing they were seen to show. Then the median over samples.
 */
import type { Level } from '../engine/types.ts';
import { isVerbatimQuote } from '../knowledge/signals.ts';
import type { StageScoreOutput } from './scorer-prompt.ts';

export interface CheckedCriterion {
  id: string;
  level: Level;
  evidence: string[];
  feedback: string;
  /** Quotes dropped because they are not in the answer. */
  droppedQuotes: number;
  /** The model's level, when it was capped for want of evidence. */
  cappedFrom?: Level;
}

export interface CheckedSample {
  criteria: CheckedCriterion[];
  /** 1-based key point numbers, in range. */
  missedKeyPoints: number[];
  feedback: string;
}

export function checkEvidence(
  output: StageScoreOutput,
  answer: string,
  keyPointCount: number,
): CheckedSample {
  const criteria = output.criteria.map((c): CheckedCriterion => {
    const quotes = [...new Set(c.evidence.map((q) => q.trim()).filter((q) => q.length > 0))];
    const verified = quotes.filter((q) => isVerbatimQuote(q, answer));
    const checked: CheckedCriterion = {
      id: c.id,
      level: c.level as Level,
      evidence: verified,
      feedback: c.feedback.trim(),
      droppedQuotes: quotes.length - verified.length,
    };
    if (verified.length === 0 && checked.level > 1) {
      checked.cappedFrom = checked.level;
      checked.level = 1;
    }
    return checked;
  });
  const missedKeyPoints = [...new Set(output.missedKeyPoints)]
    .filter((n) => n >= 1 && n <= keyPointCount)
    .sort((a, b) => a - b);
  return { criteria, missedKeyPoints, feedback: output.feedback.trim() };
}

/** The lower median: with an even count, the lower of the two middle values (never generous). */
export function lowerMedian(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const meanLevel = (criteria: readonly CheckedCriterion[]) =>
  criteria.reduce((sum, c) => sum + c.level, 0) / criteria.length;

/**
 * One result from several samples (all grading the same criteria): per criterion the median
 * level, with the evidence and feedback of a sample that gave that level; key points missed in a
 * majority of samples; the stage feedback of the sample closest to the result.
 */
export function combineSamples(samples: readonly CheckedSample[]): CheckedSample {
  if (samples.length === 1) return samples[0]!;
  const criteria = samples[0]!.criteria.map(({ id }) => {
    const versions = samples.map((s) => s.criteria.find((c) => c.id === id)!);
    const median = lowerMedian(versions.map((v) => v.level));
    return { ...versions.find((v) => v.level === median)! };
  });
  const target = meanLevel(criteria);
  const closest = [...samples].sort(
    (a, b) => Math.abs(meanLevel(a.criteria) - target) - Math.abs(meanLevel(b.criteria) - target),
  )[0]!;
  const counts = new Map<number, number>();
  for (const s of samples) {
    for (const n of s.missedKeyPoints) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const missedKeyPoints = [...counts]
    .filter(([, count]) => count * 2 > samples.length)
    .map(([n]) => n)
    .sort((a, b) => a - b);
  return { criteria, missedKeyPoints, feedback: closest.feedback };
}
