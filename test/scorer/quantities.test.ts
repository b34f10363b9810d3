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

const figures = (text: string) => [...quantitiesIn(text)].sort();

describe('quantitiesIn', () => {
  it('reads digits with their units, and full-width digits as digits', () => {
    expect(figures('p99 under 80 ms for 20% of traffic')).toEqual(['20%', '80 ms']);
    expect(figures('延迟控制在８０毫秒')).toEqual(['80毫秒']);
  });

  it('reads figures a speech-to-text transcript spells out', () => {
    expect(figures('like fifty milliseconds, and ninety five percent recall')).toEqual([
      'fifty milliseconds',
      'ninety five percent',
    ]);
    expect(figures('retrain every two weeks, keep the top twenty')).toEqual([
      'twenty',
      'two weeks',
    ]);
    expect(figures('an AUC of zero point eight')).toEqual(['zero point eight']);
    expect(figures('a seven-day window and a two-week holdout')).toEqual(['seven-day', 'two-week']);
  });

  it('reads one figure once, however it is written', () => {
    // The scorer counts distinct figures: "twenty thousand" is one, as "20 thousand" is.
    expect(figures('twenty thousand users')).toEqual(['twenty thousand']);
    expect(figures('20 thousand users')).toEqual(['20 thousand']);
    expect(figures('two hundred ms, then three hundred ms')).toEqual([
      'three hundred',
      'two hundred',
    ]);
  });

  it('does not read number words that are not figures', () => {
    // "one model" and "two towers" are not estimates; "a few times" is not a count.
    expect(figures('one model with two towers and a few features')).toEqual([]);
    expect(figures('a few times, a couple of requests')).toEqual([]);
    // Words that start with a number word.
    expect(figures('TensorFlow tensors; tenants tend to churn; fortyish')).toEqual([]);
  });

  it('reads Chinese figures in characters', () => {
    expect(figures('用两周的数据，五十毫秒以内，百分之五的流量')).toEqual(
      ['两周', '五十毫秒', '百分之五'].sort(),
    );
    expect(figures('五千万用户，一个小时内，几百毫秒')).toEqual(
      ['五千万', '一个小时', '几百毫秒'].sort(),
    );
    expect(figures('百万用户，千万级，上亿，数百万')).toEqual(
      ['百万', '千万级', '上亿', '数百万'].sort(),
    );
  });

  it('does not read Chinese words and idioms that start with a numeral as figures', () => {
    // 千万 "be sure to", 万一 "in case", ordinals, "some day", idioms, 一定/一些/十分.
    expect(figures('千万不要上线，万一出问题')).toEqual([]);
    expect(figures('第二天，第一周，第十二天，有一天')).toEqual([]);
    expect(figures('十万火急，三天两头，三心二意')).toEqual([]);
    expect(figures('一定要，一些特征，十分重要')).toEqual([]);
  });

  it('reads a long run of numerals in linear time', () => {
    // A pasted run of 20,000 numerals followed by a unit would take seconds with an unbounded
    // numeral; a figure is at most nine characters long.
    expect(figures(`${'一'.repeat(20_000)}天`)).toEqual([]);
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
