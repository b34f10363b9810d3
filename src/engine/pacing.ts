/**
 * Pacing: each stage has a time budget (framework `timeBudgetMinutes`). Time is read from the
 * injected clock and only checked when the candidate acts (the engine runs no timers):
 * - once ~80% of the budget is spent, the interviewer nudges once ("about N minutes left");
 * - once the budget is spent, the next answer is answered and then the stage closes (it is
 *   scored) and the interview moves on.
 */
import type { StageProgress } from './types.ts';

export const NUDGE_FRACTION = 0.8;

export type Pace = 'on-time' | 'nudge' | 'over';

export function stageElapsedMs(progress: StageProgress, now: number): number {
  if (progress.startedAt === undefined) return 0;
  return Math.max(0, (progress.endedAt ?? now) - progress.startedAt);
}

export function paceOf(progress: StageProgress, budgetMinutes: number, now: number): Pace {
  const budgetMs = budgetMinutes * 60_000;
  const elapsed = stageElapsedMs(progress, now);
  if (elapsed >= budgetMs) return 'over';
  if (elapsed >= budgetMs * NUDGE_FRACTION && !progress.nudged) return 'nudge';
  return 'on-time';
}

/** Whole minutes left in the stage's budget, at least 1 (said in the nudge). */
export function minutesLeft(progress: StageProgress, budgetMinutes: number, now: number): number {
  const leftMs = budgetMinutes * 60_000 - stageElapsedMs(progress, now);
  return Math.max(1, Math.round(leftMs / 60_000));
}
