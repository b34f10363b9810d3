import { describe, expect, it } from 'vitest';
import { checksFor, levelFromChecks, neededAt } from '../../src/scorer/llm/checklist.ts';
import { knowledge } from '../llm/helpers.ts';

const at = (...spec: [level: 2 | 3 | 4, met: boolean][]) =>
  spec.map(([level, met]) => ({ check: { level }, met }));

describe('levelFromChecks', () => {
  it('needs two thirds of a level’s checks, rounded up', () => {
    expect([1, 2, 3, 4, 5].map(neededAt)).toEqual([1, 2, 2, 3, 4]);
  });

  it('climbs one level at a time and stops at the first level not reached', () => {
    expect(levelFromChecks(at([2, false], [3, false], [4, false]))).toBe(1);
    expect(levelFromChecks(at([2, true], [3, false], [4, false]))).toBe(2);
    expect(levelFromChecks(at([2, true], [3, true], [4, false]))).toBe(3);
    expect(levelFromChecks(at([2, true], [3, true], [4, true]))).toBe(4);
    // Higher checks met without the lower ones earn nothing.
    expect(levelFromChecks(at([2, false], [3, true], [4, true]))).toBe(1);
    expect(levelFromChecks(at([2, true], [3, false], [4, true]))).toBe(2);
  });

  it('reaches a level with 2 of 3 checks but not 1 of 2', () => {
    expect(levelFromChecks(at([2, true], [3, true], [3, true], [3, false], [4, false]))).toBe(3);
    expect(levelFromChecks(at([2, true], [3, true], [3, false], [4, true]))).toBe(2);
  });
});

describe('checksFor', () => {
  it('uses the written checks, numbered per criterion', () => {
    const offline = knowledge.framework.stages[1]!.criteria[0]!;
    expect(checksFor(offline).map((c) => [c.id, c.level])).toEqual([
      ['offline-metrics.1', 2],
      ['offline-metrics.2', 3],
      ['offline-metrics.3', 4],
      ['offline-metrics.4', 4],
    ]);
  });

  it('derives one check per level 2–4 from the level descriptors when none are written', () => {
    const baseline = knowledge.framework.stages
      .find((s) => s.id === 'modeling')!
      .criteria.find((c) => c.id === 'baseline')!;
    const checks = checksFor(baseline);
    expect(checks.map((c) => [c.id, c.level])).toEqual([
      ['baseline.1', 2],
      ['baseline.2', 3],
      ['baseline.3', 4],
    ]);
    expect(checks[2]!.en).toContain(baseline.levels['4'].en);
    expect(checks[2]!.zh).toContain(baseline.levels['4'].zh);
  });
});
