/**
 * Kinds of reasoning an answer uses (a reason, a purpose, a trade-off, an alternative, a
 * condition, a consequence) are read in Chinese as in English: the Chinese connectives once sat
 * inside English word boundaries, where they never match between Chinese characters.
 */
import { describe, expect, it } from 'vitest';
import { offlineScoring } from './offline-scoring.ts';

const { read } = offlineScoring();

function reasonKinds(answer: string, lang: 'en' | 'zh'): number {
  return read('fraud-detection', 'metrics', answer, lang).features.reasonKinds;
}

describe('reason kinds', () => {
  it('reads the same kinds of reasoning in Chinese as in English', () => {
    const en =
      'We use PR-AUC because fraud is 0.1% of transactions. If recall drops we lower the threshold, so more cases go to review. The trade-off is precision.';
    const zh =
      '用 PR-AUC，因为欺诈只占交易的 0.1%。如果召回率下降就调低阈值，所以更多交易进入人工审核。代价是精确率会下降。';
    expect(reasonKinds(zh, 'zh')).toBeGreaterThan(0);
    expect(reasonKinds(zh, 'zh')).toBe(reasonKinds(en, 'en'));
  });

  it('finds none in a bare list', () => {
    expect(reasonKinds('PR-AUC、召回率、精确率、阈值。', 'zh')).toBe(0);
  });
});
