/**
 * Wrong content lowers a score through the committed model: a term defined without its gist, a
 * standard practice waved away with no reason. The same words with a reason (a trade-off) or a
 * right definition are not marked down.
 */
import { describe, expect, it } from 'vitest';
import { offlineScoring } from './offline-scoring.ts';

const { score, read } = offlineScoring();

const ROLLOUT =
  'We compare the new ranker with the current one on watch time per user, with p99 latency and complaint rate as guardrails.';

describe('wrong content lowers the score', () => {
  it('a misdefined term scores lower than the right definition', async () => {
    const right = await score(
      'feed-engagement',
      'deployment',
      `${ROLLOUT} A canary release means sending 1% of traffic to the new model for a day before ramping up.`,
    );
    const wrong = await score(
      'feed-engagement',
      'deployment',
      `${ROLLOUT} A canary release means running the new model on the fastest servers for a day before ramping up.`,
    );
    expect(wrong.score).toBeLessThan(right.score);
  });

  it('waving a practice away scores lower than the same choice with a reason', async () => {
    const reasoned = await score(
      'feed-engagement',
      'deployment',
      `${ROLLOUT} We skip a long A/B test at first because the change is reversible within minutes, and use a staged rollout instead.`,
    );
    const waved = await score(
      'feed-engagement',
      'deployment',
      `${ROLLOUT} An A/B test is overkill here, the new ranker is clearly better.`,
    );
    expect(waved.score).toBeLessThan(reasoned.score);
  });

  it('in Chinese too', async () => {
    const right = await score(
      'feed-engagement',
      'deployment',
      '新模型和旧模型对比人均观看时长，p99 延迟和投诉率作为护栏指标。灰度发布一定要做，观察一天再扩大。',
      'zh',
    );
    const wrong = await score(
      'feed-engagement',
      'deployment',
      '新模型和旧模型对比人均观看时长，p99 延迟和投诉率作为护栏指标。灰度发布就是浪费时间，观察一天直接全量上线。',
      'zh',
    );
    expect(wrong.score).toBeLessThan(right.score);
  });

  it('a term said to serve an idea it is not for scores lower than the right use', async () => {
    const right = await score(
      'feed-engagement',
      'deployment',
      `${ROLLOUT} A canary release at 1% catches latency regressions before the A/B test reaches everyone.`,
    );
    const misused = await score(
      'feed-engagement',
      'deployment',
      `${ROLLOUT} A canary release at 1% improves the NDCG of the ranker before the A/B test reaches everyone.`,
    );
    expect(misused.score).toBeLessThan(right.score);
  });

  it('accuracy as the target where the facts say positives are rare scores lower', async () => {
    const METRICS =
      'Offline we compare models on last month, and online we watch the chargeback rate and the false decline rate.';
    const right = await score(
      'fraud-detection',
      'metrics',
      `${METRICS} The main offline metric is PR-AUC because only 0.1% of transactions are fraud.`,
    );
    const misfit = await score(
      'fraud-detection',
      'metrics',
      `${METRICS} The main offline metric is accuracy, and we target 99.5% accuracy before launch.`,
    );
    expect(misfit.score).toBeLessThan(right.score);
  });

  it('two distinct wrong ideas hold an otherwise full answer at level 1', async () => {
    const wrong = await score(
      'feed-engagement',
      'deployment',
      `${ROLLOUT} A canary release means running the new model on the fastest servers for a day. The canary release improves the NDCG of the ranker, then we ramp to 50% and watch the guardrails for a week because the effect takes time to show.`,
    );
    expect(wrong.level).toBe(1);
    expect(wrong.score).toBeLessThan(1.5);
  });

  it('one wrong sentence that trips two catalogues is one wrong idea, two wrong sentences are two', () => {
    const reading = (answer: string) => read('fraud-detection', 'metrics', answer);
    const one = reading('Precision means the share of actual fraud cases we catch.');
    expect(one.wrongClaims.length).toBeGreaterThanOrEqual(2);
    expect(one.wrongIdeas).toBe(1);
    const two = reading(
      'Precision means the share of actual fraud cases we catch. Recall means of everything we flag, how much is really fraud.',
    );
    expect(two.wrongIdeas).toBe(2);
  });
});
