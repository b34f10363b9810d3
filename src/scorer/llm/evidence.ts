/**
 * Holding the judge to the candidate's words. A check answered "yes" must come with a quote that
 * appears verbatim (up to whitespace) in the answer, or it counts as "no": a check met is
 * something the candidate was seen to say. Each criterion's level is then computed from its
 * checks (checklist.ts), and several samples are combined by the median per criterion.
 */
import type { Level } from '../../engine/types.ts';
import { isVerbatimQuote } from '../../knowledge/signals.ts';
import { type JudgeCheck, levelFromChecks } from './checklist.ts';
import type { StageScoreOutput } from './prompt.ts';

/** Quotes kept as a criterion's evidence (from the checks that earned its level, highest first). */
const MAX_EVIDENCE = 3;

export interface CheckedCriterion {
  id: string;
  level: Level;
  evidence: string[];
  feedback: string;
  /** Ids of the checks met (a "yes" with a verified quote). */
  met: string[];
  /** Checks answered "yes" whose quote is not in the answer (counted as "no"). */
  unsupportedYes: number;
}

export interface CheckedSample {
  criteria: CheckedCriterion[];
  /** 1-based key point numbers, in range. */
  missedKeyPoints: number[];
  feedback: string;
}

export function checkEvidence(
  output: StageScoreOutput,
  checks: readonly JudgeCheck[],
  answer: string,
  keyPointCount: number,
): CheckedSample {
  const answered = new Map(output.checks.map((c) => [c.id, c]));
  const criterionIds = [...new Set(checks.map((c) => c.criterionId))];
  const criteria = criterionIds.map((id): CheckedCriterion => {
    const own = checks.filter((c) => c.criterionId === id);
    let unsupportedYes = 0;
    const results = own.map((check) => {
      const reply = answered.get(check.id);
      const quote = reply?.quote.trim() ?? '';
      const said = reply?.answer === 'yes';
      const met = said && quote.length > 0 && isVerbatimQuote(quote, answer);
      if (said && !met) unsupportedYes += 1;
      return { check, met, quote };
    });
    const level = levelFromChecks(results);
    // The evidence is what earned the level: quotes of met checks at or below it (a level-1
    // criterion shows none, even if a lone higher check was met).
    const evidence = [
      ...new Set(
        results
          .filter((r) => r.met && r.check.level <= level)
          .sort((a, b) => b.check.level - a.check.level)
          .map((r) => r.quote),
      ),
    ].slice(0, MAX_EVIDENCE);
    return {
      id,
      level,
      evidence,
      feedback: output.criteria.find((c) => c.id === id)?.feedback.trim() ?? '',
      met: results.filter((r) => r.met).map((r) => r.check.id),
      unsupportedYes,
    };
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

export interface CombinedSamples extends CheckedSample {
  /** The largest difference between two samples' levels on any one criterion (0 = agreed). */
  spread: number;
}

/**
 * One result from several samples (all grading the same criteria): per criterion the median
 * level, with the evidence and feedback of a sample that gave that level; key points missed in a
 * majority of samples; the stage feedback of the sample closest to the result; and the spread.
 */
export function combineSamples(samples: readonly CheckedSample[]): CombinedSamples {
  const criteria = samples[0]!.criteria.map(({ id }) => {
    const versions = samples.map((s) => s.criteria.find((c) => c.id === id)!);
    const median = lowerMedian(versions.map((v) => v.level));
    return { ...versions.find((v) => v.level === median)! };
  });
  const spread = Math.max(
    ...criteria.map(({ id }) => {
      const levels = samples.map((s) => s.criteria.find((c) => c.id === id)!.level);
      return Math.max(...levels) - Math.min(...levels);
    }),
  );
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
  return { criteria, missedKeyPoints, feedback: closest.feedback, spread };
}
