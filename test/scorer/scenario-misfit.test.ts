/**
 * Choices the scenario's own facts rule out (src/scorer/analysis/scenario-misfit.ts): accuracy as
 * the measure when the facts say positives are rare. Read from the scenario files, never from
 * answers.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import {
  choosesAccuracy,
  hasRarePositives,
  RARE_SHARE,
  scenarioMisfitsIn,
  smallestPositiveShare,
} from '../../src/scorer/analysis/scenario-misfit.ts';

let knowledge: Knowledge;
const scenario = (id: string) => knowledge.scenarios.get(id)!;

beforeAll(async () => {
  knowledge = await loadKnowledge();
});

describe('rare positives, from the scenario facts', () => {
  it('reads the positive share the facts state', () => {
    expect(smallestPositiveShare(scenario('fraud-detection'))).toBeCloseTo(0.001);
    expect(smallestPositiveShare(scenario('violent-content-detection'))).toBeCloseTo(0.0005);
    expect(smallestPositiveShare(scenario('similar-listings'))).toBeCloseTo(1 / 300);
  });

  it('calls positives rare only under the threshold', () => {
    expect(RARE_SHARE).toBe(0.05);
    expect(hasRarePositives(scenario('fraud-detection'))).toBe(true);
    expect(hasRarePositives(scenario('ads-click-prediction'))).toBe(true);
    expect(hasRarePositives(scenario('delivery-time-estimation'))).toBe(false);
    expect(hasRarePositives(scenario('replacement-items'))).toBe(false);
  });
});

describe('accuracy chosen as the measure', () => {
  it('recognises accuracy named as the metric or target', () => {
    for (const s of [
      'Our main metric is accuracy on the held-out month.',
      'We optimise accuracy and aim for 99%.',
      '主要指标用准确率，目标 99%。',
    ]) {
      expect(choosesAccuracy(s), s).toBe(true);
    }
  });

  it('leaves accuracy set aside, accuracy of labels, and precision-sense 准确率 alone', () => {
    for (const s of [
      'Accuracy is misleading here: predicting all negatives scores 99.9%.',
      'We report PR-AUC rather than accuracy.',
      'Label accuracy from the reviewers is about 95%, which we measure weekly.',
      '准确率和召回率都要看，阈值按审核容量定。',
      'The model gets more accurate as the data grows.',
    ]) {
      expect(choosesAccuracy(s), s).toBe(false);
    }
  });

  it('is a misfit only where the facts say positives are rare', () => {
    const said = ['Our main metric is accuracy on the held-out month.'];
    expect(scenarioMisfitsIn(said, scenario('fraud-detection'))).toEqual([
      'accuracy-with-rare-positives',
    ]);
    expect(scenarioMisfitsIn(said, scenario('delivery-time-estimation'))).toEqual([]);
  });
});
