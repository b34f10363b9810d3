/**
 * Hand-waving in the offline scorer: recognised in both languages, and an answer that explains
 * in hand-waves scores below its concrete version.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { offlineScoring } from './offline-scoring.ts';
import { isVague } from '../../src/scorer/analysis/substance.ts';

const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../fixtures/scorer/knowledge');

const scoring = offlineScoring(KNOWLEDGE_DIR);
const score = (answer: string) => scoring.score('scorer-video', 'serving', answer);

describe('substance', () => {
  it('recognises hand-waving in both languages, not plain statements', () => {
    expect(isVague('We could maybe use some kind of cache, etc.')).toBe(true);
    expect(isVague('我们大概会用一些缓存之类的。')).toBe(true);
    expect(isVague('Cache user embeddings for 10 minutes to cut latency.')).toBe(false);
    expect(isVague('用户向量缓存 10 分钟以降低延迟。')).toBe(false);
  });

  it('scores a hand-waving version of an answer below its concrete version', async () => {
    const concrete = await score(
      'We precompute video embeddings nightly into an ANN index, because scoring 5 million videos online would blow the 200 ms budget. We cache user embeddings for 10 minutes so lookups stay fast.',
    );
    const vague = await score(
      'We could maybe precompute video embeddings into some kind of ANN index, because scoring everything online is basically too slow. We just cache user embeddings so lookups should be fast.',
    );
    expect(vague.score).toBeLessThan(concrete.score);
    expect(vague.criteria.some((c) => /general terms/.test(c.feedback))).toBe(true);
  });
});
