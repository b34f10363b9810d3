import { describe, expect, it } from 'vitest';
import { FEATURES, type FeatureVector } from '../../src/scorer/features.ts';
import {
  expectedLevel,
  levelProbabilities,
  SIGNS,
  type TrainingExample,
  trainOrdinal,
} from '../../src/scorer/ordinal-model.ts';

/** A feature vector with every feature 0 but the ones given. */
function vector(values: Partial<FeatureVector>): FeatureVector {
  return Object.fromEntries(FEATURES.map((f) => [f, values[f] ?? 0])) as FeatureVector;
}

/** Labels follow key points made; padding share is noise that happens to rise with the label. */
function examples(): TrainingExample[] {
  const out: TrainingExample[] = [];
  for (let i = 0; i < 80; i++) {
    const label = 1 + (i % 4);
    out.push({
      x: vector({
        keyPointsCovered: (label - 1) / 3 + ((i * 7) % 5) / 50,
        paddingShare: label / 4,
        contentWords: ((i * 13) % 11) / 10,
      }),
      label,
    });
  }
  return out;
}

describe('ordinal model', () => {
  it('is deterministic: the same data gives the same weights', () => {
    expect(trainOrdinal(examples())).toEqual(trainOrdinal(examples()));
  });

  it('learns the order of the levels, with ordered cut points and probabilities that sum to 1', () => {
    const model = trainOrdinal(examples());
    expect(model.cuts[0]).toBeLessThan(model.cuts[1]);
    expect(model.cuts[1]).toBeLessThan(model.cuts[2]);
    const low = expectedLevel(model, vector({ keyPointsCovered: 0 }));
    const high = expectedLevel(model, vector({ keyPointsCovered: 1 }));
    expect(low).toBeLessThan(1.6);
    expect(high).toBeGreaterThan(3.4);
    const p = levelProbabilities(model, vector({ keyPointsCovered: 0.5 }));
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    for (const v of p) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('keeps every constrained weight on its side, whatever the data says', () => {
    // paddingShare rises with the label in this data, yet its weight may not go positive.
    const model = trainOrdinal(examples());
    FEATURES.forEach((f, j) => {
      if (SIGNS[f] > 0) expect(model.weights[j]).toBeGreaterThanOrEqual(0);
      if (SIGNS[f] < 0) expect(model.weights[j]).toBeLessThanOrEqual(0);
    });
    expect(model.weights[FEATURES.indexOf('paddingShare')]).toBe(0);
  });
});
