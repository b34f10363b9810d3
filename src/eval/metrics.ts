/**
 * Agreement between a scorer and human labels, on the 1–4 rubric scale.
 *
 * - `quadraticWeightedKappa`: agreement on integer levels beyond chance, where a miss by two
 *   levels costs four times a miss by one (Cohen's kappa with quadratic weights).
 * - `spearman`: rank correlation (Pearson on average ranks, so ties are handled).
 * - `exactAgreement`, `adjacentAgreement` (|difference| ≤ 1), `meanAbsoluteError`.
 *
 * Every function takes two equally long arrays (predicted, actual) and returns a number; a
 * statistic that is undefined for the input (no variance at all) is reported as 0, never NaN,
 * so reports and JSON stay printable.
 */

function assertPaired(a: readonly number[], b: readonly number[]): void {
  if (a.length !== b.length) throw new Error(`length mismatch: ${a.length} vs ${b.length}`);
}

/**
 * Cohen's kappa with quadratic weights over the integer categories `min..max`:
 * 1 − Σ w·O / Σ w·E, with w(i,j) = (i−j)²/(k−1)², O the observed confusion matrix and E the
 * outer product of the two marginal histograms scaled to the same total.
 */
export function quadraticWeightedKappa(
  predicted: readonly number[],
  actual: readonly number[],
  min = 1,
  max = 4,
): number {
  assertPaired(predicted, actual);
  const n = predicted.length;
  if (n === 0) return 0;
  const k = max - min + 1;
  const index = (v: number) => {
    const i = Math.round(v) - min;
    if (i < 0 || i >= k) throw new Error(`level ${v} outside ${min}..${max}`);
    return i;
  };
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const histPredicted = new Array<number>(k).fill(0);
  const histActual = new Array<number>(k).fill(0);
  for (let t = 0; t < n; t++) {
    const i = index(predicted[t]!);
    const j = index(actual[t]!);
    observed[i]![j]! += 1;
    histPredicted[i]! += 1;
    histActual[j]! += 1;
  }
  let weightedObserved = 0;
  let weightedExpected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = (i - j) ** 2 / (k - 1) ** 2;
      weightedObserved += w * observed[i]![j]!;
      weightedExpected += (w * histPredicted[i]! * histActual[j]!) / n;
    }
  }
  if (weightedExpected === 0) return weightedObserved === 0 ? 1 : 0;
  return 1 - weightedObserved / weightedExpected;
}

/** 1-based ranks, ties given the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let t = start; t <= end; t++) ranks[order[t]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  assertPaired(x, y);
  const n = x.length;
  if (n === 0) return 0;
  const mean = (v: readonly number[]) => v.reduce((s, a) => s + a, 0) / n;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let t = 0; t < n; t++) {
    const dx = x[t]! - mx;
    const dy = y[t]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return 0;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rho: Pearson correlation of the average ranks (correct with ties). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  assertPaired(x, y);
  return pearson(averageRanks(x), averageRanks(y));
}

export function exactAgreement(predicted: readonly number[], actual: readonly number[]): number {
  assertPaired(predicted, actual);
  if (predicted.length === 0) return 0;
  return predicted.filter((p, t) => p === actual[t]).length / predicted.length;
}

export function adjacentAgreement(predicted: readonly number[], actual: readonly number[]): number {
  assertPaired(predicted, actual);
  if (predicted.length === 0) return 0;
  return predicted.filter((p, t) => Math.abs(p - actual[t]!) <= 1).length / predicted.length;
}

export function meanAbsoluteError(predicted: readonly number[], actual: readonly number[]): number {
  assertPaired(predicted, actual);
  if (predicted.length === 0) return 0;
  return predicted.reduce((s, p, t) => s + Math.abs(p - actual[t]!), 0) / predicted.length;
}

export interface Agreement {
  qwk: number;
  spearman: number;
  exact: number;
  adjacent: number;
  mae: number;
}

/**
 * All five figures for one scorer. Kappa, exact and adjacent agreement and MAE compare the
 * integer `levels` with the labels; Spearman ranks the finer-grained `scores` (a stage score
 * may be fractional, e.g. 2.67), which is what a ranking statistic is for.
 */
export function agreement(
  scores: readonly number[],
  levels: readonly number[],
  labels: readonly number[],
): Agreement {
  return {
    qwk: quadraticWeightedKappa(levels, labels),
    spearman: spearman(scores, labels),
    exact: exactAgreement(levels, labels),
    adjacent: adjacentAgreement(levels, labels),
    mae: meanAbsoluteError(levels, labels),
  };
}
