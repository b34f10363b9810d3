/**
 * Names from the framework put into the replies, in the interview's language, so an adapter
 * renders a score without the knowledge base.
 */
import { stageById } from '../knowledge/knowledge.ts';
import type { Framework } from '../knowledge/schema.ts';
import type { Lang, StageId, StageScore } from './types.ts';

/** `score` with each criterion's name in `lang` (the id when the framework has no such one). */
export function withCriterionNames(
  framework: Framework,
  score: StageScore,
  lang: Lang,
): StageScore {
  const stage = stageById(framework, score.stage);
  return {
    ...score,
    criteria: score.criteria.map((c) => ({
      ...c,
      name: stage.criteria.find((k) => k.id === c.id)?.name[lang] ?? c.id,
    })),
  };
}

/** Every stage's title in `lang`, for views that list stages by id (history, trends). */
export function stageTitles(framework: Framework, lang: Lang): Record<StageId, string> {
  return Object.fromEntries(framework.stages.map((s) => [s.id, s.title[lang]])) as Record<
    StageId,
    string
  >;
}
