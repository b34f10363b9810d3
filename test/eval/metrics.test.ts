import { describe, expect, it } from 'vitest';
import {
  adjacentAgreement,
  agreement,
  averageRanks,
  exactAgreement,
  meanAbsoluteError,
  quadraticWeightedKappa,
  spearman,
} from '../../src/eval/metrics.ts';

describe('quadraticWeightedKappa', () => {
  it('is 1 for perfect agreement and -1 for a full reversal', () => {
    expect(quadraticWeightedKappa([1, 2, 3, 4], [1, 2, 3, 4])).toBe(1);
    // Observed Σw·O = 1 + 1/9 + 1/9 + 1 = 20/9; expected Σw·E = (40/9)·(1/4) = 10/9.
    expect(quadraticWeightedKappa([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it('matches a hand-computed value', () => {
    // O: (1,1) (1,2) (2,2) (2,3) → Σw·O = 2/9. Marginals [2,2,0,0] and [1,2,1,0], n = 4:
    // Σw·E = (1/9)(1) + (4/9)(0.5) + (1/9)(0.5) + (1/9)(0.5) = 4/9 → κ = 1 − (2/9)/(4/9) = 0.5.
    expect(quadraticWeightedKappa([1, 1, 2, 2], [1, 2, 2, 3])).toBeCloseTo(0.5, 12);
  });

  it('is symmetric and costs a two-level miss more than two one-level misses would suggest', () => {
    const a = [1, 2, 3, 4, 2, 3];
    const b = [1, 3, 3, 4, 1, 3];
    expect(quadraticWeightedKappa(a, b)).toBeCloseTo(quadraticWeightedKappa(b, a), 12);
    const oneOff = quadraticWeightedKappa([1, 2, 3, 4, 2, 3], [2, 2, 3, 4, 2, 3]);
    const twoOff = quadraticWeightedKappa([1, 2, 3, 4, 2, 3], [3, 2, 3, 4, 2, 3]);
    expect(twoOff).toBeLessThan(oneOff);
  });

  it('is 0 (not NaN) when there is no variation to agree on, and rejects out-of-range levels', () => {
    expect(quadraticWeightedKappa([2, 2, 2], [1, 3, 4])).toBe(0);
    expect(quadraticWeightedKappa([], [])).toBe(0);
    expect(() => quadraticWeightedKappa([5], [1])).toThrow(/outside/);
    expect(() => quadraticWeightedKappa([1, 2], [1])).toThrow(/length mismatch/);
  });
});

describe('spearman', () => {
  it('gives ties the mean of their ranks', () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 3, 3])).toEqual([3, 1, 3, 3]);
  });

  it('matches a hand-computed value with ties', () => {
    // Ranks x = [1, 2.5, 2.5, 4], y = [1, 3, 2, 4]: Σdxdy = 4.5, Σdx² = 4.5, Σdy² = 5 → 3/√10.
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(3 / Math.sqrt(10), 12);
  });

  it('is ±1 for monotone relations and 0 without variance', () => {
    expect(spearman([1, 2, 3, 4], [10, 100, 1000, 10000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBe(0);
  });
});

describe('agreement figures', () => {
  const predicted = [1, 2, 3, 4];
  const actual = [2, 2, 1, 4];

  it('exact, adjacent and MAE', () => {
    expect(exactAgreement(predicted, actual)).toBe(0.5);
    expect(adjacentAgreement(predicted, actual)).toBe(0.75);
    expect(meanAbsoluteError(predicted, actual)).toBe(0.75);
  });

  it('agreement() uses levels for kappa/exact/adjacent/MAE and scores for Spearman', () => {
    const figures = agreement([1.2, 1.9, 3.1, 3.6], [1, 2, 3, 4], [1, 2, 3, 4]);
    expect(figures).toEqual({
      qwk: 1,
      spearman: expect.closeTo(1, 12),
      exact: 1,
      adjacent: 1,
      mae: 0,
    });
  });
});
