/** Stage titles and criterion names for rendering, looked up in the framework. */
import type { Framework, Lang, StageId } from '../../../knowledge/schema.ts';

export interface Labels {
  stageTitle(stage: StageId, lang: Lang): string;
  criterionName(stage: StageId, criterionId: string, lang: Lang): string;
}

export function labelsFrom(framework: Framework): Labels {
  const stages = new Map(framework.stages.map((s) => [s.id, s]));
  return {
    stageTitle: (stage, lang) => stages.get(stage)?.title[lang] ?? stage,
    criterionName: (stage, criterionId, lang) =>
      stages.get(stage)?.criteria.find((c) => c.id === criterionId)?.name[lang] ?? criterionId,
  };
}
