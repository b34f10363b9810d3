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
  ['PSI 越高说明模型越准。', 'psi'],
  ['Log loss is up, so the model is more accurate.', 'log-loss'],
  ['PSI > 0.9 说明模型越来越准', 'psi'],
  ['显著性看 MAE，MAE 越大说明新模型越敏感、越好。', 'mae'],
  ['p-value 大于 0.05 就说明显著，然后全量。', 'p-value'],
  ['A higher p-value means the result is more significant.', 'p-value'],
  ['Once the p-value is above 0.05, that means the lift is significant.', 'p-value'],
  ['A higher PSI means a more stable model.', 'psi'],
  ['BLEU 分数越低翻译越准确。', 'bleu'],
  ['PSI 很高说明模型很稳定。', 'psi'],
  ['Lower AUC means a better model.', 'roc-auc'],
  // Found by a second independent review (misses).
  ['Since the p-value is 0.8, the result is highly significant.', 'p-value'],
  ['p 值是 0.9，说明结果非常显著。', 'p-value'],
  ['Brier score 越高说明校准越好。', 'brier-score'],
  ['Log loss went up from 0.3 to 0.5, so the model’s predictions are more accurate.', 'log-loss'],
  ['The p99 latency increased to 300ms, which is better for users.', 'p99-latency'],
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
  // Found by an independent review that wrote sentences to provoke the rule.
  'Recall is higher for model A; model B has lower recall, so A is better.',
  'Model B has higher log loss than model A, so A is better.',
  'RMSE went up after the retrain, so the old model was more accurate.',
  'The new model’s MAE is higher, so the baseline is better.',
  '新模型 AUC 更低，所以老模型更好。',
  'RMSE 升高了，说明旧模型更准。',
  'PSI above 0.2 triggers a retrain to keep the model healthy.',
  '- throughput: < 1k QPS → scale out so the service stays healthy',
  'MAPE above 20% means the forecasts must become more accurate.',
  'Statistical power below 0.8 means we need more samples, so a longer test is better.',
  'Hit rate drops when the catalog grows, so a bigger ANN index is better.',
  'PSI 超过 0.2 就触发告警，保障模型健康。',
  'PSI 越大，说明分布偏移越严重，越需要重新训练，模型更新后效果会更好',
  '验证集 log loss 上升说明过拟合，early stopping 更好。',
  'p99 延迟上升，需要扩容来保持稳定',
  '困惑度上升说明领域变了，用领域内数据微调效果更好。',
  'NDCG dropped slightly offline, and online CTR is better.',
  '召回率下降一点，准确率更好。',
  '召回率下降，误报少了，审核员体验更好。',
  'p99 latency increased by 15 ms because the bigger model is more accurate.',
  'PSI 超过 0.2 的时候重新训练更好',
  'p99 延迟超过 200ms 时，降级到轻量模型更好。',
  'The p-value exceeds alpha, so we fail to reject the null.',
  'A larger p-value makes it harder to reject the null.',
  'A p-value above 0.05 only means we lack evidence of a real effect.',
  'p 值大于 0.05，无法拒绝原假设。',
  'p 值越大，越难拒绝原假设。',
  'PSI above 0.25 means retrain, below 0.1 is healthy.',
  'PSI > 0.25 需要重训，< 0.1 说明分布稳定',
  '阈值越低召回率越好，但误报也会变多。',
  'The higher the threshold, the lower the recall, and the better the precision.',
  'Recall under the new labeling policy improved.',
  'Statistical power under the current traffic is good: 0.85.',
  'AUC undersells how much the new model improved.',
  'The p-value is 0.03, which is significant at 5%.',
  'A p-value of 0.3 is not significant.',
  // Found by a review of the code.
  'The p-value is 1e-5, so the lift is highly significant.',
  'p 值为 1e-6，结果显著。',
  'Higher log loss is bad, lower is better.',
  'High PSI is bad news, low PSI is healthy.',
  'AUC 越低，模型越差，越高越好。',
  'ECE goes up when we skip calibration, so Platt scaling is better.',
  'P99 latency increased slightly and the results are better.',
  'The p-value is large, so nothing significant.',
  'Is a lower AUC better? No.',
  'Lower AUC models are better calibrated.',
  'Validation log loss rises, so the model at epoch 3 is better.',
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
