/**
 * Metrics read backwards (src/scorer/analysis/metric-direction.ts): a metric called good in its
 * worse direction. Trade-offs, advice, conditions and verdicts about something else are not.
 */
import { describe, expect, it } from 'vitest';
import { shippedDefinedTerms } from '../../src/scorer/analysis/definitions.ts';
import { backwardsMetricsIn } from '../../src/scorer/analysis/metric-direction.ts';

const terms = shippedDefinedTerms();
const backwards = (sentence: string) => backwardsMetricsIn([sentence], terms);

/** Each with the metric it reads backwards. */
const WRONG: [string, string][] = [
  ['PSI 越高说明替代越准。', 'psi'],
  ['PSI > 0.9 说明模型越来越准', 'psi'],
  ['显著性看 MAE，MAE 越大说明新模型越敏感、越好。', 'mae'],
  ['p-value 大于 0.05 就说明显著，然后全量。', 'p-value'],
  ['A higher p-value means the result is more significant.', 'p-value'],
  ['Once the p-value is above 0.05 the lift is significant.', 'p-value'],
  ['The higher the PSI, the more stable the model.', 'psi'],
  ['For log loss, higher is better.', 'log-loss'],
  ['A lower AUC is better here, since it means the model is less overconfident.', 'roc-auc'],
  ['RMSE went up after the retrain, which is good.', 'rmse'],
  ['Recall dropping is healthy: the model got more selective.', 'recall'],
  ['NDCG 越低说明排序越好。', 'ndcg'],
  ['Perplexity is higher, so the translation model is better.', 'perplexity'],
];

/** Right, or not a claim about the metric's direction: nothing may fire. */
const RIGHT = [
  'A lower p-value means stronger evidence against the null; below 0.05 we call it significant.',
  'p 值小于 0.05 说明显著。',
  'p 值大于 0.05 说明不显著，不能上线。',
  'PSI 越低越好，超过 0.2 就告警。',
  'PSI above 0.25 means significant drift, so we retrain.',
  'If PSI is above 0.2, a retrain is better than waiting for labels.',
  'If p99 latency goes above 200 ms, it is better to fall back to the cached list.',
  'We accept lower precision for better recall at the review queue.',
  'Precision drops as we lower the threshold, which is good for recall.',
  'p99 latency goes up by 10 ms, but the ranking is better.',
  'Lower log loss is better, and so is a higher AUC.',
  'The higher the NDCG, the better the ranking.',
  'RMSE went down from 12 to 9 minutes, so the model is better.',
  'MAE 降低说明模型更好。',
  'Recall is higher than precision, which is better for safety.',
  'Throughput goes down when we batch less, and p99 latency is better.',
  'AUC above 0.5 is better than random, but not good enough to launch.',
  '召回率越高，漏掉的违规越少，对用户更好。',
];

describe('metrics read backwards (knowledge/definitions.yaml better)', () => {
  it('reads each wrong direction for its own metric', () => {
    for (const [sentence, id] of WRONG) expect(backwards(sentence), sentence).toContain(id);
  });

  it('reads no right or unrelated sentence as backwards', () => {
    for (const sentence of RIGHT) expect(backwards(sentence), sentence).toEqual([]);
  });

  it('marks only metrics whose better direction is a fact of the metric', () => {
    const marked = terms.filter((t) => t.better).map((t) => t.id);
    expect(marked).toEqual(expect.arrayContaining(['recall', 'psi', 'p-value', 'rmse']));
    expect(marked).not.toContain('ctr');
  });

  it('costs little on a long run of spaces and words', () => {
    const long = `PSI ${'higher '.repeat(2000)}${' '.repeat(8000)} better`;
    expect(backwards(long)).toEqual([]);
  });
});
