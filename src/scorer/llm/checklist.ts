/**
 * Checklist grading: each rubric criterion is a short list of yes/no checks, each tied to the
 * level it evidences. The judge answers the checks (with quotes); the criterion's level is
 * computed here from the answers, never asked of the model, so a level always means the same
 * observable things.
 */
import type { Level } from '../../engine/types.ts';
import type { Criterion, RubricCheck } from '../../knowledge/schema.ts';

export interface JudgeCheck extends RubricCheck {
  /** `<criterion-id>.<n>`, 1-based, e.g. `business-goal.2`. */
  id: string;
  criterionId: string;
}

/**
 * The criterion's written checks (knowledge/checks.yaml), or, when it has none, one check per
 * level 2–4 derived from its level descriptors (coarser, but the level is still computed).
 */
export function checksFor(criterion: Criterion): JudgeCheck[] {
  const checks: RubricCheck[] =
    criterion.checks ??
    ([2, 3, 4] as const).map((level) => ({
      level,
      en: `Does the answer do at least what level ${level} of the rubric describes: "${criterion.levels[level].en}"?`,
      zh: `回答是否至少做到了评分标准第 ${level} 级所描述的：「${criterion.levels[level].zh}」？`,
    }));
  return checks.map((check, i) => ({
    ...check,
    id: `${criterion.id}.${i + 1}`,
    criterionId: criterion.id,
  }));
}

/** How many of a level's `total` checks must be met: two thirds, rounded up (1→1, 2→2, 3→2). */
export function neededAt(total: number): number {
  return Math.ceil((total * 2) / 3);
}

/**
 * The rule: a criterion starts at level 1 and climbs one level at a time, from 2 to 4; it
 * reaches level L when at least two thirds (rounded up) of its level-L checks are met, and stops
 * at the first level it does not reach. So a level-4 check met without the level-2 and level-3
 * ones earns nothing: the higher checks assume the lower ones.
 */
export function levelFromChecks(
  results: readonly { check: Pick<RubricCheck, 'level'>; met: boolean }[],
): Level {
  let level: Level = 1;
  for (const target of [2, 3, 4] as const) {
    const atLevel = results.filter((r) => r.check.level === target);
    // A level without checks cannot be shown, so it is not reached (the schema requires one).
    if (atLevel.length === 0) break;
    const met = atLevel.filter((r) => r.met).length;
    if (met < neededAt(atLevel.length)) break;
    level = target;
  }
  return level;
}
