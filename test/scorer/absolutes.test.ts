/**
 * Certainties (src/scorer/analysis/absolutes.ts): the offline scorer weighs the share of content
 * sentences that state a design choice as certain, never as a plus (ordinal-model.ts SIGNS).
 */
import { describe, expect, it } from 'vitest';
import { isAbsolute } from '../../src/scorer/analysis/absolutes.ts';
import { SIGNS } from '../../src/scorer/ordinal-model.ts';

/** Certainties, in English and Chinese. */
const CERTAIN = [
  'Retraining every hour guarantees the model never drifts.',
  'A feature store completely solves training-serving skew.',
  'Oversampling will eliminate the imbalance problem.',
  '每天全量重训，模型就一定不会过时。',
  '这样可以彻底解决冷启动。',
];
/** Scopes, engineering terms and plain choices. */
const PLAIN = [
  'Ramp the canary from 1% to 10% to 100% over three days.',
  'Zero-downtime deploys with blue-green, and exactly-once writes to the feature log.',
  'All users in the EU get the new ranker; any failure rolls back.',
  '用 GBDT 做精排，以保证 p99 延迟在 50ms 以内。',
  'We retrain weekly because the catalogue changes slowly.',
];

describe('absolute claims', () => {
  it('recognises certainties and leaves scopes, engineering terms and plain choices alone', () => {
    expect(
      CERTAIN.filter((s) => !isAbsolute(s)),
      'certainties missed',
    ).toEqual([]);
    expect(PLAIN.filter(isAbsolute), 'plain sentences flagged').toEqual([]);
  });

  it('can only lower a score; concepts backed by key points can only raise one', () => {
    expect(SIGNS.absoluteShare).toBe(-1);
    expect(SIGNS.conceptsBackedByKeyPoints).toBe(1);
  });
});
