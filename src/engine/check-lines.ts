/**
 * The scorecard's diagram and estimate checks, one line per finding with its stage, for
 * renderings that show them as a list of their own (the stage notes carry them too).
 */
import type { Lang, Scorecard } from './types.ts';

export const CHECKS_TITLE: Record<Lang, string> = {
  en: 'Diagram and estimate checks',
  zh: '架构图与估算检查',
};

export function checkLines(card: Scorecard): string[] {
  return card.stages.flatMap((stage) =>
    (stage.score?.checks ?? []).map((check) => `${stage.title}: ${check}`),
  );
}
