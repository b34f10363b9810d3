/** A stage's model answer (knowledge/model-answers/) as a self-contained reply. */
import { stageById } from '../knowledge/knowledge.ts';
import type { Framework, Scenario } from '../knowledge/schema.ts';
import type { Lang, Reply, StageId } from './types.ts';

/** The model-answer reply for a stage, or null when the scenario has none for it. */
export function modelAnswerReply(
  framework: Framework,
  scenario: Scenario,
  stage: StageId,
  lang: Lang,
): Extract<Reply, { kind: 'model-answer' }> | null {
  const text = scenario.referenceAnswers?.[stage]?.[lang];
  if (!text) return null;
  return {
    kind: 'model-answer',
    stage,
    title: stageById(framework, stage).title[lang],
    scenarioTitle: scenario.title[lang],
    text: text.trim(),
  };
}
