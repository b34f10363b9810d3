/**
 * The same wrong claims in the other shapes candidates give them: a metric's worse direction as
 * a goal (metric-aim.ts), the goal before the technique ("cold start handled by dropout") and the
 * purpose in a relative clause ("SMOTE, which fixes concept drift") (term-misuse.ts), and a
 * metric set equal to the wrong thing in an outline ("MRR = avg CTR per keystroke";
 * definitions.ts).
 */
import { describe, expect, it } from 'vitest';
import { misdefinedTermsIn, shippedDefinedTerms } from '../../src/scorer/analysis/definitions.ts';
import { backwardsMetricsIn } from '../../src/scorer/analysis/metric-direction.ts';
import { misusedTermsIn } from '../../src/scorer/analysis/term-misuse.ts';

const terms = shippedDefinedTerms();
const backwards = (s: string) => backwardsMetricsIn([s], terms);
const misused = (s: string) => misusedTermsIn([s], terms);
const misdefined = (s: string) => misdefinedTermsIn([s], terms);

describe('a metric aimed the wrong way', () => {
  it.each([
    [
      'You want perplexity as high as possible, it means the model considers more options.',
      'perplexity',
    ],
    ['We maximize log loss on the validation set.', 'log-loss'],
    ['We minimise recall so the reviewers are not flooded.', 'recall'],
    ['我们希望 PSI 越大越好，说明模型在适应新数据。', 'psi'],
  ])('reads "%s" as %s backwards', (sentence, id) => {
    expect(backwards(sentence)).toEqual([id]);
  });

  it.each([
    'We want recall as high as possible at 1% FPR.',
    'Minimise log loss, then check calibration.',
    "We don't want log loss to be high.",
    'we need the p99 latency low and precision high',
    'If we maximise recall alone, precision collapses.',
    '希望 PSI 越小越好。',
    'We don’t want to maximise log loss.',
    'Rather than maximise log loss, we minimise it.',
    'We minimise the recall drop after quantization.',
    'The trade-off is that maximizing precision tends to minimize recall.',
  ])('leaves "%s" alone', (sentence) => {
    expect(backwards(sentence)).toEqual([]);
  });
});

describe('a misuse with the goal said first', () => {
  it.each([
    ['Cold start is handled by dropout.', 'dropout'],
    ['loss is MSE on the acceptance label; cold start handled by dropout.', 'dropout'],
    ['冷启动用 dropout 解决。', 'dropout'],
  ])('reads "%s" as %s misused', (sentence, id) => {
    expect(misused(sentence)).toEqual([id]);
  });

  it.each([
    'Overfitting is handled by dropout and early stopping.',
    'Class imbalance is handled with focal loss.',
    'Label noise is not solved by SMOTE.',
    '冷启动用内容特征来解决。',
    '排序模型用 dropout 防止过拟合。',
    'XGBoost handles missing values natively.',
    // Exploration that serves under-exposed candidates (from the second development set).
    '- approx 5% of slots for exploration (lower-ranked candidates, low-degree users), cap on how often one person is suggested per day',
  ])('leaves "%s" alone', (sentence) => {
    expect(misused(sentence)).toEqual([]);
  });
});

describe('a misuse in a relative clause', () => {
  it.each([
    ['We use SMOTE, which fixes concept drift.', 'smote'],
    ['We add a canary, which improves model accuracy.', 'canary'],
  ])('reads "%s" as %s misused', (sentence, id) => {
    expect(misused(sentence)).toEqual([id]);
  });

  it.each([
    'We apply quantization, which reduces latency and memory.',
    'Dropout, which reduces overfitting, is set to 0.2.',
    'We oversample with SMOTE, which reduces overfitting compared with random duplication.',
  ])('leaves "%s" alone', (sentence) => {
    expect(misused(sentence)).toEqual([]);
  });
});

describe('a metric set equal to the wrong thing', () => {
  it.each([
    ['- Offline: MRR = avg CTR per keystroke; NDCG@100 (list shows 5)', 'mrr'],
    ['AUC = accuracy on the val set', 'roc-auc'],
    ['PSI = 用户停留时长的比例', 'psi'],
    // The same mistake as an aggregate of another quantity.
    ['MRR is the average precision across all queries.', 'mrr'],
  ])('reads "%s" as %s misdefined', (sentence, id) => {
    expect(misdefined(sentence)).toEqual([id]);
  });

  it.each([
    'precision = share of relevant completions retrieved',
    'NDCG = normalized discounted cumulative gain',
    'AUC = area under ROC',
    'precision = TP / (TP + FP)',
    'recall = 0.92 at the current threshold',
    'p99 latency = 80 ms',
    'PR-AUC = primary metric, recall@1%FPR = guardrail',
    'MRR = 1/rank of the first click',
    'Feature store = Feast + Redis',
    'MRR is the mean reciprocal rank of the first relevant result.',
    'Log loss is the average negative log likelihood.',
    'MAE is the average absolute error in minutes.',
  ])('leaves "%s" alone', (sentence) => {
    expect(misdefined(sentence)).toEqual([]);
  });
});
