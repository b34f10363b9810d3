/**
 * The substance reading of the offline scorer: hand-waving explanations count one level less,
 * answers that commit to figures one level more, and neither is moved by padding or length.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StageScore } from '../../src/engine/types.ts';
import { type Knowledge, stageById } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { OfflineScorer } from '../../src/llm/offline/scorer.ts';
import { isVague, readSubstance, substanceShift } from '../../src/llm/offline/scoring/substance.ts';
import { readSentences } from '../../src/llm/offline/scoring/sentences.ts';

const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../fixtures/scorer/knowledge');

let knowledge: Knowledge;
let scorer: OfflineScorer;

beforeAll(async () => {
  knowledge = await loadKnowledge(KNOWLEDGE_DIR);
  scorer = new OfflineScorer({ knowledge });
});

function score(answer: string): Promise<StageScore> {
  return scorer.score({
    framework: knowledge.framework,
    scenario: knowledge.scenarios.get('scorer-video')!,
    stage: stageById(knowledge.framework, 'serving'),
    lang: 'en',
    answer,
    turns: [],
  });
}

const facts = (text: string) => readSentences(text, []);

describe('substance', () => {
  it('recognises hand-waving in both languages, not plain statements', () => {
    expect(isVague('We could maybe use some kind of cache, etc.')).toBe(true);
    expect(isVague('我们大概会用一些缓存之类的。')).toBe(true);
    expect(isVague('Cache user embeddings for 10 minutes to cut latency.')).toBe(false);
    expect(isVague('用户向量缓存 10 分钟以降低延迟。')).toBe(false);
  });

  it('shifts down for hand-waving points, up for quantified ones, not for neither', () => {
    const vague = facts('Maybe we use a cache. Basically it should be fast. We add an index.');
    expect(substanceShift(readSubstance(vague, [1, 1, 1]))).toBe(-1);
    const concrete = facts('Cache for 10 minutes. Keep p99 under 200 ms. Shard by user id.');
    expect(substanceShift(readSubstance(concrete, [1, 1, 1]))).toBe(1);
    const plain = facts('We cache embeddings. We shard by user id. We use an index.');
    expect(substanceShift(readSubstance(plain, [1, 1, 1]))).toBe(0);
  });

  it('reads vagueness only in sentences that make a point, so padding cannot dilute it', () => {
    const answer = facts('Maybe we use a cache. This is a great team. We value clarity.');
    expect(readSubstance(answer, [1, 0, 0]).vague).toBe(1);
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
