/**
 * The dismissive register (src/scorer/analysis/dismissive.ts): the offline scorer weighs the
 * share of content sentences that wave something away, never as a plus (ordinal-model.ts SIGNS).
 */
import { describe, expect, it } from 'vitest';
import { isDismissive } from '../../src/scorer/analysis/dismissive.ts';
import { SIGNS } from '../../src/scorer/ordinal-model.ts';

/** Things waved away, in English and Chinese. */
const WAVED = [
  "There's no point computing candidates ahead of time.",
  'A feature store is overkill for this.',
  "Async SGD is outdated; that's really all we need to know.",
  "Calibration doesn't matter here.",
  '这个场景没必要做 A/B 测试。',
  '离线评估就够了，线上指标多余。',
];
/** Choices with what they leave out, and plain statements. */
const PLAIN = [
  'We skip real-time features at first because the hourly batch covers 95% of the signal.',
  'Calibrate the scores with isotonic regression, since the threshold is set on probabilities.',
  'Ramp the canary from 1% to 10% to 100% over three days.',
  '用 GBDT 做精排，以保证 p99 延迟在 50ms 以内。',
  '先做离线评估，再用 A/B 测试验证线上指标。',
  '请求超过时间预算就降级到规则，通过时间窗口聚合特征。',
];

describe('dismissive sentences', () => {
  it('recognises things waved away and leaves plain choices alone', () => {
    expect(
      WAVED.filter((s) => !isDismissive(s)),
      'missed',
    ).toEqual([]);
    expect(PLAIN.filter(isDismissive), 'plain sentences flagged').toEqual([]);
  });

  it('can only lower a score', () => {
    expect(SIGNS.dismissiveShare).toBe(-1);
  });
});
