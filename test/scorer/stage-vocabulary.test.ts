/**
 * What a stage's vocabulary (knowledge/framework.yaml, each criterion's signals) lets the scorer
 * read as content of that stage. Terse answers lean on it most: a bullet with no concept of the
 * stage counts as padding, however much it says.
 */
import { describe, expect, it } from 'vitest';
import { offlineScoring } from './offline-scoring.ts';

const scoring = offlineScoring();

describe('stage vocabulary', () => {
  it('reads offline evaluation (metrics, a held-out or time split) as modeling content', () => {
    // The modeling stage covers "offline evaluation and error analysis": a modeling answer that
    // says how it evaluates names metrics and splits, which are the metrics stage's words too.
    const reading = scoring.read(
      'people-you-may-know',
      'modeling',
      'Ranker: GBDT, then a multi-task DNN. Eval: recall@100, NDCG@20 on accepted edges, time split.',
    );
    expect(reading.sentences.map((s) => s.text)).toHaveLength(2);
    expect(reading.content).toEqual([true, true]);
    const zh = scoring.read(
      'people-you-may-know',
      'modeling',
      '评估：离线指标看 NDCG，按时间切分测试集。',
      'zh',
    );
    expect(zh.content).toEqual([true]);
  });

  it('still takes a metrics answer given to the modeling question for the metrics stage', async () => {
    const metrics =
      'North star: accepted requests per user per week. Offline: recall@100 and NDCG@20 on accepted edges, AUC for the accept model. Online: A/B on accepts per user, with guardrails on report rate and blocks; the proxy must correlate with long-term retention.';
    const result = await scoring.score('people-you-may-know', 'modeling', metrics);
    expect(result.score).toBe(1);
  });
});
