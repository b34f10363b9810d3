/**
 * The offline scorer's model: ordinal logistic regression (proportional odds), the classic
 * choice for ordered grades such as rubric levels 1–4. One weight per feature and three cut
 * points: P(level ≤ k) = σ(cut_k − w·x). Features are standardised with the training set's mean
 * and spread, which the weights file keeps.
 *
 * Trained by full-batch gradient descent with L2 shrinkage: deterministic (no sampling, fixed
 * steps), so the same data gives the same weights byte for byte. Some weights have a required
 * sign (more key points made can never lower a score; more padding can never raise one): each
 * step projects them back, so the guarantees hold whatever the data says.
 */
import { FEATURES, type FeatureName, type FeatureVector } from './features.ts';

export interface OrdinalModel {
  version: 1;
  features: FeatureName[];
  mean: number[];
  scale: number[];
  weights: number[];
  /** Cut points between levels 1|2, 2|3, 3|4 (increasing). */
  cuts: [number, number, number];
  trainedOn: { items: number; writers: string[] };
}

/** Weights that may not go negative (+1) or positive (−1); 0 is free. */
export const SIGNS: Record<FeatureName, 1 | -1 | 0> = {
  keyPointsCovered: 1,
  keyPointStrength: 1,
  criteriaAddressed: 1,
  stageConcepts: 1,
  reasonedSentences: 1,
  reasonKinds: 1,
  quantities: 1,
  // Length of content may not earn anything by itself: at most neutral.
  contentWords: -1,
  vagueShare: -1,
  listShare: -1,
  paddingShare: -1,
  otherStageShare: -1,
  stageFit: 1,
  wrongClaims: -1,
  definitionShare: -1,
  keyPointsInSubstance: 1,
  conceptsBackedByKeyPoints: 1,
  // Certainties ("always", "guarantees", "一定") where a design weighs trade-offs: never a plus.
  absoluteShare: -1,
  // Terms paired as no correct reference text pairs them (keyword stuffing): never a plus.
  unfamiliarPairings: -1,
  // Things waved away as unneeded, outdated or beside the point: never a plus.
  dismissiveShare: -1,
  // Terms talked about in the words correct text uses with them: never a minus.
  contextFit: 1,
  // Sentences that read like the known wrong claims rather than correct text: never a plus.
  wrongLikeness: -1,
};

export interface TrainingExample {
  x: FeatureVector;
  label: number;
  /** Relative weight of the example (e.g. so every writer counts the same). */
  weight?: number;
}

export interface TrainOptions {
  l2?: number;
  steps?: number;
  learningRate?: number;
  writers?: string[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function vectorOf(x: FeatureVector): number[] {
  return FEATURES.map((f) => x[f]);
}

/** Probabilities of levels 1–4. */
export function levelProbabilities(model: OrdinalModel, x: FeatureVector): number[] {
  const raw = vectorOf(x);
  let z = 0;
  for (let j = 0; j < raw.length; j++) {
    // A feature that does not apply (NaN) counts as the training average: no push either way.
    if (Number.isFinite(raw[j]!)) {
      z += model.weights[j]! * ((raw[j]! - model.mean[j]!) / model.scale[j]!);
    }
  }
  const below = model.cuts.map((c) => sigmoid(c - z));
  return [below[0]!, below[1]! - below[0]!, below[2]! - below[1]!, 1 - below[2]!];
}

/**
 * The stage score (1–4, fractional; rounded, the level): the median of the predicted
 * levels, placed within its level by how far the distribution's midpoint is into it. The median
 * level is the prediction that minimises the expected absolute error of an ordinal grade; the
 * mean (expected level) pulls every answer toward the middle levels, scoring wrong answers too
 * high and strong ones too low. Both rise with the model's linear score, so anything that can
 * never raise that score (padding, say) can never raise this one.
 */
export function medianLevel(model: OrdinalModel, x: FeatureVector): number {
  const p = levelProbabilities(model, x);
  let below = 0;
  let k = 0;
  while (k < 3 && below + p[k]! < 0.5) below += p[k++]!;
  // Level k+1 holds the midpoint: the score runs from k+0.5 to k+1.5 through it, except at the
  // ends, where it cannot leave 1–4 (level 1 starts with all its probability below the midpoint:
  // 1–1.5; level 4 ends with all of it: 3.5–4). The clamp only guards against rounding error.
  const median = k + 0.5 + (0.5 - below) / p[k]!;
  return Math.min(4, Math.max(1, median));
}

export function trainOrdinal(
  examples: readonly TrainingExample[],
  options: TrainOptions = {},
): OrdinalModel {
  const l2 = options.l2 ?? 0.05;
  const steps = options.steps ?? 4000;
  const rate = options.learningRate ?? 0.05;
  const d = FEATURES.length;
  const rows = examples.map((e) => vectorOf(e.x));
  // Mean and spread over the values that apply; a feature that does not apply (NaN) is imputed
  // as the mean, i.e. 0 once standardised.
  const finite = (j: number) => rows.map((r) => r[j]!).filter(Number.isFinite);
  const mean = Array.from({ length: d }, (_, j) => {
    const values = finite(j);
    return values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
  });
  const scale = Array.from({ length: d }, (_, j) => {
    const values = finite(j);
    const v = values.reduce((s, x) => s + (x - mean[j]!) ** 2, 0) / Math.max(1, values.length);
    return Math.sqrt(v) || 1;
  });
  const xs = rows.map((r) =>
    r.map((v, j) => (Number.isFinite(v) ? (v - mean[j]!) / scale[j]! : 0)),
  );
  const ws = examples.map((e) => e.weight ?? 1);
  const totalWeight = ws.reduce((s, w) => s + w, 0);
  const signs = FEATURES.map((f) => SIGNS[f]);

  const weights = new Array<number>(d).fill(0);
  // Cut points as a first value plus positive gaps (exp), so they stay ordered.
  let c0 = -1.5;
  let g1 = Math.log(1.5);
  let g2 = Math.log(1.5);
  // Adam moments, for a steady descent without tuning a schedule.
  const params = d + 3;
  const m = new Array<number>(params).fill(0);
  const v = new Array<number>(params).fill(0);
  const eps = 1e-12;
  for (let step = 1; step <= steps; step++) {
    const grad = new Array<number>(params).fill(0);
    const cuts = [c0, c0 + Math.exp(g1), c0 + Math.exp(g1) + Math.exp(g2)];
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      let z = 0;
      for (let j = 0; j < d; j++) z += weights[j]! * x[j]!;
      const k = Math.min(4, Math.max(1, Math.round(examples[i]!.label))) - 1; // 0..3
      // P(y = k) = F(cut_k − z) − F(cut_{k−1} − z), with F(+inf) = 1, F(−inf) = 0.
      const upper = k < 3 ? sigmoid(cuts[k]! - z) : 1;
      const lower = k > 0 ? sigmoid(cuts[k - 1]! - z) : 0;
      const p = Math.max(upper - lower, eps);
      const dUpper = k < 3 ? upper * (1 - upper) : 0;
      const dLower = k > 0 ? lower * (1 - lower) : 0;
      const w = ws[i]! / totalWeight;
      // d(−log p)/dz = (dUpper − dLower) / p ; d/dcut_k = −dUpper/p ; d/dcut_{k−1} = dLower/p
      const dz = ((dUpper - dLower) / p) * w;
      for (let j = 0; j < d; j++) grad[j]! += dz * x[j]!;
      const dCut = [0, 0, 0];
      if (k < 3) dCut[k] = (-dUpper / p) * w;
      if (k > 0) dCut[k - 1] = (dLower / p) * w;
      // chain rule through c0, g1, g2
      grad[d]! += dCut[0]! + dCut[1]! + dCut[2]!;
      grad[d + 1]! += (dCut[1]! + dCut[2]!) * Math.exp(g1);
      grad[d + 2]! += dCut[2]! * Math.exp(g2);
    }
    for (let j = 0; j < d; j++) grad[j]! += l2 * weights[j]!;
    const values = [...weights, c0, g1, g2];
    for (let q = 0; q < params; q++) {
      m[q] = 0.9 * m[q]! + 0.1 * grad[q]!;
      v[q] = 0.999 * v[q]! + 0.001 * grad[q]! ** 2;
      const mHat = m[q]! / (1 - 0.9 ** step);
      const vHat = v[q]! / (1 - 0.999 ** step);
      values[q] = values[q]! - (rate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
    for (let j = 0; j < d; j++) {
      const s = signs[j]!;
      weights[j] = s > 0 ? Math.max(0, values[j]!) : s < 0 ? Math.min(0, values[j]!) : values[j]!;
    }
    [c0, g1, g2] = [values[d]!, values[d + 1]!, values[d + 2]!];
  }
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return {
    version: 1,
    features: [...FEATURES],
    mean: mean.map(round),
    scale: scale.map(round),
    weights: weights.map(round),
    cuts: [c0, c0 + Math.exp(g1), c0 + Math.exp(g1) + Math.exp(g2)].map(round) as [
      number,
      number,
      number,
    ],
    trainedOn: { items: examples.length, writers: options.writers ?? [] },
  };
}
