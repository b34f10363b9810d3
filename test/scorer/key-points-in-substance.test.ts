/**
 * The `keyPointsInSubstance` feature: the share of the scenario's key points whose idea an
 * answer holds in substance, not only names with one of the point's terms (what a keyword-stuffed
 * answer does). Generic padding never raises it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Knowledge, stageById } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { KEY_POINT_MADE } from '../../src/scorer/features.ts';
import { OfflineScorer } from '../../src/scorer/offline-scorer.ts';

let knowledge: Knowledge;
let scorer: OfflineScorer;

beforeAll(async () => {
  knowledge = await loadKnowledge();
  scorer = new OfflineScorer({ knowledge });
});

function read(answer: string) {
  return scorer.read({
    framework: knowledge.framework,
    scenario: knowledge.scenarios.get('fraud-detection')!,
    stage: stageById(knowledge.framework, 'metrics'),
    lang: 'en',
    answer,
    turns: [],
  });
}

const NAMED = 'PR-AUC, precision, fraud loss, chargeback rate.';
const SUBSTANCE =
  'Offline, PR-AUC and recall at a fixed false positive rate, weighted by dollars, not accuracy, because fraud is rare. Online, fraud loss in basis points, the false decline rate and the total cost of review.';

describe('key points made in substance', () => {
  it('counts the points whose idea is there, not the ones only named', () => {
    const named = read(NAMED);
    const full = read(SUBSTANCE);
    // Both name the points' terms, so both "make" them…
    expect(named.keyPoints.every((k) => k.made)).toBe(true);
    // …but only the full answer holds their ideas.
    const inSubstance = (r: typeof named) =>
      r.keyPoints.filter((k) => k.strength >= KEY_POINT_MADE).length / r.keyPoints.length;
    expect(named.features.keyPointsInSubstance).toBe(inSubstance(named));
    expect(full.features.keyPointsInSubstance).toBe(inSubstance(full));
    expect(full.features.keyPointsInSubstance).toBeGreaterThan(named.features.keyPointsInSubstance);
  });

  it('is not raised by generic padding', () => {
    const pad =
      'This is a really important question and I want to approach it holistically. At the end of the day it is always a balance.';
    for (const answer of [NAMED, SUBSTANCE]) {
      const plain = read(answer).features.keyPointsInSubstance;
      expect(read(`${answer} ${pad}`).features.keyPointsInSubstance).toBeLessThanOrEqual(plain);
      expect(read(`${pad} ${answer}`).features.keyPointsInSubstance).toBeLessThanOrEqual(plain);
    }
  });

  it('is not defined for a stage the scenario lists no key points for', () => {
    const scenario = [...knowledge.scenarios.values()].find((s) =>
      knowledge.framework.stages.some((st) => !(s.keyPoints[st.id]?.length ?? 0)),
    );
    expect(scenario, 'a scenario with a stage without key points').toBeDefined();
    if (!scenario) return;
    const stage = knowledge.framework.stages.find(
      (st) => !(scenario.keyPoints[st.id]?.length ?? 0),
    )!;
    const reading = scorer.read({
      framework: knowledge.framework,
      scenario,
      stage,
      lang: 'en',
      answer: SUBSTANCE,
      turns: [],
    });
    expect(Number.isNaN(reading.features.keyPointsInSubstance)).toBe(true);
  });
});
