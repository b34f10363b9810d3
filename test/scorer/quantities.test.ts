/**
 * Figures in digits, in words and in Chinese characters: a spoken or Chinese answer that commits
 * to the same targets as a typed one is read as just as quantified.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { quantitiesIn } from '../../src/scorer/analysis/quantities.ts';
import { offlineScoring } from './offline-scoring.ts';

const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../fixtures/scorer/knowledge');
const scoring = offlineScoring(KNOWLEDGE_DIR);

const figures = (text: string) => [...quantitiesIn(text)];

describe('quantitiesIn', () => {
  it('reads digits with their units, and full-width digits as digits', () => {
    expect(figures('p99 under 80 ms for 20% of traffic')).toEqual(['80 ms', '20%']);
    expect(figures('延迟控制在８０毫秒')).toEqual(['80毫秒']);
  });

  it('reads figures a speech-to-text transcript spells out', () => {
    expect(figures('like fifty milliseconds, and ninety five percent recall')).toEqual([
      'fifty milliseconds',
      'ninety five percent',
    ]);
    expect(figures('retrain every two weeks, keep the top twenty')).toEqual([
      'two weeks',
      'twenty',
    ]);
    expect(figures('an AUC of zero point eight')).toEqual(['zero point eight']);
  });

  it('does not read small number words without a unit as figures', () => {
    // "one model" and "two towers" are not estimates; their digits would rarely be typed.
    expect(figures('one model with two towers and a few features')).toEqual([]);
  });

  it('reads Chinese figures in characters, not idioms that start with a numeral', () => {
    expect(figures('用两周的数据，五十毫秒以内，百分之五的流量')).toEqual([
      '两周',
      '五十毫秒',
      '百分之五',
    ]);
    expect(figures('五千万用户，一个小时内，几百毫秒')).toEqual(['五千万', '一个小时', '几百毫秒']);
    // 千万 ("be sure to") and 万一 ("in case") are not figures.
    expect(figures('千万不要上线，万一出问题')).toEqual([]);
  });
});

describe('figures in words count as figures in digits', () => {
  it('reads a spelled-out answer as just as quantified as its digit twin', () => {
    const digits = scoring.read(
      'scorer-video',
      'serving',
      'We precompute video embeddings nightly into an ANN index, because scoring every video online would blow the 200 ms budget. We cache user embeddings for 10 minutes so lookups stay fast.',
    );
    const words = scoring.read(
      'scorer-video',
      'serving',
      'We precompute video embeddings nightly into an ANN index, because scoring every video online would blow the two hundred milliseconds budget. We cache user embeddings for ten minutes so lookups stay fast.',
    );
    expect(digits.features.quantities).toBeGreaterThan(0);
    expect(words.features.quantities).toBe(digits.features.quantities);
    expect(words.reasoned).toEqual(digits.reasoned);
  });
});
