import { describe, expect, it } from 'vitest';
import { FEATURES, type FeatureVector } from '../../src/scorer/features.ts';
import {
  levelProbabilities,
  medianLevel,
  type OrdinalModel,
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
    const low = medianLevel(model, vector({ keyPointsCovered: 0 }));
    const high = medianLevel(model, vector({ keyPointsCovered: 1 }));
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

  it('scores the median predicted level, not the mean: a likely 1 with a long tail stays a 1', () => {
    // No feature weighs anything; the cut points alone give P(level) = 0.55, 0.05, 0.05, 0.35.
    const logit = (p: number) => Math.log(p / (1 - p));
    const model: OrdinalModel = {
      version: 1,
      features: [...FEATURES],
      mean: FEATURES.map(() => 0),
      scale: FEATURES.map(() => 1),
      weights: FEATURES.map(() => 0),
      cuts: [logit(0.55), logit(0.6), logit(0.65)],
      trainedOn: { items: 0, writers: [] },
    };
    const x = vector({});
    const p = levelProbabilities(model, x);
    const mean = p.reduce((s, v, k) => s + v * (k + 1), 0);
    expect(Math.round(mean)).toBe(2); // the mean would call it a 2
    const score = medianLevel(model, x);
    expect(Math.round(score)).toBe(1);
    expect(score).toBeGreaterThanOrEqual(1);
  });

  it("rises with the model's linear score and stays within 1–4", () => {
    const model = trainOrdinal(examples());
    let last = 0;
    for (let v = -1; v <= 2; v += 0.05) {
      const score = medianLevel(model, vector({ keyPointsCovered: v }));
      expect(score).toBeGreaterThanOrEqual(last);
      expect(score).toBeGreaterThanOrEqual(1);
      expect(score).toBeLessThanOrEqual(4);
      last = score;
    }
  });
});
