/**
 * Shared by the offline scorer's tests: the scorer on a knowledge base (the shipped one unless a
 * folder is given), loaded once per test file, and one stage answer scored the way the engine
 * asks for it (no earlier turns), or only read into the facts the score is computed from.
 */
import { beforeAll } from 'vitest';
import type { Lang, StageScore } from '../../src/engine/types.ts';
import { type Knowledge, stageById } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import type { StageId } from '../../src/knowledge/schema.ts';
import type { AnswerReading } from '../../src/scorer/features.ts';
import { OfflineScorer } from '../../src/scorer/offline-scorer.ts';

/** Call at a test file's top level; the scorer is ready in the file's tests. */
export function offlineScoring(knowledgeDir?: string): {
  score(scenario: string, stage: StageId, answer: string, lang?: Lang): Promise<StageScore>;
  read(scenario: string, stage: StageId, answer: string, lang?: Lang): AnswerReading;
} {
  let knowledge: Knowledge;
  let scorer: OfflineScorer;
  beforeAll(async () => {
    knowledge = await loadKnowledge(knowledgeDir);
    scorer = new OfflineScorer({ knowledge });
  });
  const input = (scenario: string, stage: StageId, answer: string, lang: Lang) => ({
    framework: knowledge.framework,
    scenario: knowledge.scenarios.get(scenario)!,
    stage: stageById(knowledge.framework, stage),
    lang,
    answer,
    turns: [],
  });
  return {
    score: (scenario, stage, answer, lang = 'en') =>
      scorer.score(input(scenario, stage, answer, lang)),
    read: (scenario, stage, answer, lang = 'en') =>
      scorer.read(input(scenario, stage, answer, lang)),
  };
}
