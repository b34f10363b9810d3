/**
 * Misused terms (src/scorer/analysis/term-misuse.ts): a term said to serve another catalogued
 * idea it is not for. Only claims that link two catalogued terms are judged, and a negated claim
 * or a term set aside is a limit, not a use.
 */
import { describe, expect, it } from 'vitest';
import { shippedDefinedTerms } from '../../src/scorer/analysis/definitions.ts';
import { misusedTermsIn, misuses } from '../../src/scorer/analysis/term-misuse.ts';

const terms = shippedDefinedTerms();
const term = (id: string) => terms.find((t) => t.id === id)!;

/** Sentences a strong candidate writes, linking terms rightly: nothing may fire. */
const STRONG = [
  'Two-tower retrieval with ANN returns 1,000 candidates, then a GBDT ranker scores them.',
  'We use negative sampling to keep training cheap, and correct the calibration afterwards.',
  'Hard negatives help the two-tower model separate near-duplicates.',
  'A feature store prevents training-serving skew because both paths read the same values.',
  'Distillation lets us serve a small student within the p99 latency budget.',
  'Canary at 1% for a day catches crashes before the A/B test starts.',
  'Caching the embeddings of popular items reduces p99 latency.',
  'Shadow deployment lets us compare latency against the current model on live traffic.',
  'PR-AUC to evaluate, because positives are 0.1% and ROC-AUC looks good on any model.',
  '用 two-tower 召回 1000 个候选，再用 GBDT 精排。',
  '用 PSI 来监控特征的数据漂移，超过 0.2 告警。',
  // "all-reduce" names a collective operation, not a claim that something reduces something.
  'Synchronous data parallelism (all-reduce), with async SGD and a parameter server only for huge sparse tables.',
  '同步数据并行（all-reduce），异步 SGD 加参数服务器只在超大稀疏表时才值得。',
  'We trade recall for precision at the review queue.',
  'Shadow deployment catches prediction drift before users see it.',
  '用负采样来处理类别不平衡。',
  // The claim ends with its parenthesis: the target encoding after it is the next list item.
  'Bucket numerics for the linear baseline (GBDT handles raw values fine), smoothed target encoding for merchant IDs.',
];

describe('misused terms (knowledge/definitions.yaml purpose)', () => {
  it('flags each wrong use for its own term and no right use for any term', () => {
    const withUses = terms.filter((t) => t.uses);
    expect(withUses.length).toBeGreaterThanOrEqual(8);
    for (const t of withUses) {
      for (const s of t.uses!.wrong) expect(misuses(s, t, terms), `${t.id}: ${s}`).toBe(true);
      for (const s of t.uses!.right) expect(misusedTermsIn([s], terms), s).toEqual([]);
    }
  });

  it('leaves strong sentences and the catalogue right examples alone', () => {
    for (const s of STRONG) expect(misusedTermsIn([s], terms), s).toEqual([]);
    const rights = terms.flatMap((t) => t.examples.right);
    for (const s of rights) expect(misusedTermsIn([s], terms), s).toEqual([]);
  });

  it('ends a claim at the parenthesis it was made in, not at a list marker', () => {
    const smote = term('smote');
    expect(misuses('We use SMOTE to fix 1) concept drift and 2) cold start.', smote, terms)).toBe(
      true,
    );
    expect(misuses('用 SMOTE 来解决 1）概念漂移 2）冷启动。', smote, terms)).toBe(true);
    expect(
      misusedTermsIn(
        [
          'Bucket numerics for the baseline (GBDT handles raw values fine), target encoding for IDs.',
        ],
        terms,
      ),
    ).toEqual([]);
  });

  it('judges only claims that name another catalogued term', () => {
    const quantization = term('quantization');
    expect(misuses('We apply quantization to make everything better.', quantization, terms)).toBe(
      false,
    );
    expect(
      misuses('We apply quantization to fix the cold start problem.', quantization, terms),
    ).toBe(true);
  });

  it('judges a claim that a term serves an outcome it does not serve', () => {
    expect(misusedTermsIn(['We add a canary release to improve accuracy.'], terms)).toEqual([
      'canary',
    ]);
    expect(misusedTermsIn(['Dropout to improve accuracy on the held-out set.'], terms)).toEqual([]);
    expect(misusedTermsIn(['Quantization to int8 reduces latency by half.'], terms)).toEqual([]);
    expect(misusedTermsIn(['用量化来提升准确率。'], terms)).toEqual(['quantization']);
  });

  it('reads a role given to a term as a use: "X does Y", "X serves as Y", "用 X 做 Y"', () => {
    const wrong = [
      'Canary does the hyperparameter tuning for the ranker.',
      'Quantization serves as our cold start strategy.',
      '用 canary 做冷启动。',
      'Kafka 做 feature store。',
    ];
    for (const s of wrong) expect(misusedTermsIn([s], terms), s).not.toEqual([]);
    const right = [
      '用 two-tower 做召回，GBDT 做精排。',
      'Spark 按语言分区做去重，高资源语言降采样。',
      'Caching does most of the work for popular prefixes, cutting p99 latency.',
      // A reading of the resource, not the resource: "GPU utilisation for autoscaling".
      '按 QPS 和 GPU 利用率做 autoscaling。',
      'Scale on GPU utilization for autoscaling decisions.',
      // The term is the object of the role, or comes before it in a sequence.
      '对 embedding 做量化，对 CTR 做校准。',
      'After the canary we do a two-week A/B test.',
      '金丝雀发布之后再做 A/B 测试。',
      'Early stopping acts as regularization, and dropout acts as an ensemble.',
      // 存 inside 留存 (retention), 存储 (storage), 显存 (GPU memory).
      '点击率和留存一起优化，用 MMoE 做多任务学习。',
      'embedding 存储在 Redis 里。',
      'embedding 表显存放不下，要做分片。',
      // The items of a list, not a claim about the first one.
      '加缓存、做分片。',
      // 存 inside 内存 / 缓存 is memory or a cache, not a claim that something stores something.
      '物品 embedding 放每台精排内存，用户 embedding 放分片服务。',
    ];
    for (const s of right) expect(misusedTermsIn([s], terms), s).toEqual([]);
  });

  it('reads a negated claim or a term set aside as a limit, not a use', () => {
    const smote = term('smote');
    expect(misuses('SMOTE does not fix concept drift.', smote, terms)).toBe(false);
    expect(misuses('SMOTE won’t help with concept drift at all.', smote, terms)).toBe(false);
    expect(
      misuses('Instead of SMOTE to handle concept drift, we retrain weekly.', smote, terms),
    ).toBe(false);
    expect(misuses('SMOTE fixes concept drift.', smote, terms)).toBe(true);
  });

  it('does not judge terms whose entry says nothing of their purpose', () => {
    const unjudged = terms.filter((t) => t.purpose.length === 0);
    expect(unjudged.length).toBeGreaterThan(0);
    for (const t of unjudged) {
      expect(misuses(`We use ${t.id.replace(/-/g, ' ')} to fix concept drift.`, t, terms)).toBe(
        false,
      );
    }
  });
});
