/**
 * For the scorecard: the design mistakes the candidate made (and was challenged on), each with
 * why it matters and whether the candidate recovered afterwards. Pure, like the scorecard.
 */
import { refForTurnId } from '../engine/replay.ts';
import type { ScorecardMistake, Session } from '../engine/types.ts';
import type { Mistake } from '../knowledge/schema.ts';
import { recovered } from './mistakes.ts';

export function reviewMistakes(
  session: Readonly<Session>,
  mistakes: readonly Mistake[],
  stageTitle: (index: number) => string,
): ScorecardMistake[] {
  const byId = new Map(mistakes.map((m) => [m.id, m]));
  return session.stages.flatMap((progress, index) =>
    (progress.mistakes ?? []).flatMap((made) => {
      const mistake = byId.get(made.id);
      if (!mistake) return [];
      const at = refForTurnId(session, made.turnId);
      return [
        {
          id: mistake.id,
          stage: stageTitle(index),
          title: mistake.title[session.lang],
          why: mistake.why[session.lang],
          recovered: recovered(mistake, session.turns, made.turnId),
          ...(at ? { at } : {}),
        },
      ];
    }),
  );
}
