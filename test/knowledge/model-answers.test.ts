/**
 * Every scenario's model answers (knowledge/model-answers/) are complete (each stage of the
 * scenario's plan, English and Chinese) and are what they claim to be: level-4 answers, by the
 * offline scorer's reading. A model answer the scorer rates below 4 is improved in its text.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/engine/types.ts';
import { type Knowledge, stageById, stagePlan } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { OfflineScorer } from '../../src/scorer/offline-scorer.ts';

let knowledge: Knowledge;
let scorer: OfflineScorer;

beforeAll(async () => {
  knowledge = await loadKnowledge();
  scorer = new OfflineScorer({ knowledge });
});

describe('model answers', () => {
  it('exist for every scenario, every stage of its plan, in both languages', () => {
    const missing: string[] = [];
    for (const scenario of knowledge.scenarios.values()) {
      for (const stage of stagePlan(scenario)) {
        for (const lang of ['en', 'zh'] as const) {
          if (!scenario.referenceAnswers?.[stage]?.[lang]?.trim())
            missing.push(`${scenario.id}/${stage}/${lang}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('are each rated 4 by the offline scorer', async () => {
    const below: string[] = [];
    for (const scenario of knowledge.scenarios.values()) {
      for (const stageId of stagePlan(scenario)) {
        for (const lang of ['en', 'zh'] as Lang[]) {
          const answer = scenario.referenceAnswers?.[stageId]?.[lang];
          if (!answer) continue;
          const result = await scorer.score({
            framework: knowledge.framework,
            scenario,
            stage: stageById(knowledge.framework, stageId),
            lang,
            answer,
            turns: [],
          });
          if (result.level !== 4)
            below.push(`${scenario.id}/${stageId}/${lang}: ${result.score.toFixed(2)}`);
        }
      }
    }
    expect(below).toEqual([]);
  }, 120_000);
});
