import { describe, expect, it } from 'vitest';
import { shippedDefinedTerms } from '../../src/scorer/analysis/definitions.ts';
import { praisedProblemsIn } from '../../src/scorer/analysis/praised-problems.ts';
import { wrongIdeaNotes } from '../../src/scorer/analysis/wrong-idea-notes.ts';

const praised = (sentence: string) => praisedProblemsIn([sentence], shippedDefinedTerms());

describe('a problem the design must prevent, called useful or good', () => {
  it.each([
    [
      'Training-serving skew is actually useful here, it makes the model robust.',
      'training-serving-skew',
    ],
    ['Data leakage is good because the model gets more signal.', 'data-leakage'],
    [
      'Honestly, position bias is a good thing: the top slot is where the best items belong.',
      'position-bias',
    ],
    ['Some overfitting is really helpful for memorising the head items.', 'overfitting'],
    ['The novelty effect is great, it boosts our launch numbers.', 'novelty-effect'],
    ['数据泄露其实是好事，模型能学到更多信息。', 'data-leakage'],
    ['概念漂移反而很有用，说明用户兴趣在变。', 'concept-drift'],
  ])('reads "%s" as praise of %s', (sentence, id) => {
    expect(praised(sentence)).toEqual([id]);
  });

  it.each([
    'Preventing data leakage is useful: a time split does it.',
    'Monitoring for concept drift is helpful, so we alert on PSI.',
    'Position bias features are useful during training and set to a constant at serving.',
    'Whether popularity bias is good or bad depends on the product goal.',
    'If the novelty effect is large, a two-week test is good enough to see it fade.',
    'Is position bias good or bad for us here?',
    'A common mistake is to think data leakage is useful because offline AUC goes up.',
    'Data leakage is bad: offline AUC looks great and production falls apart.',
    'Overfitting is not useful; we regularise and stop early.',
    '监控数据漂移很有用，PSI 超过 0.2 就告警。',
    '处理位置偏差很有帮助，训练时加位置特征。',
    'Overfitting is what we want to avoid.',
    'Data leakage is a good thing to check for before training.',
    'A time-based split with no data leakage is what we want.',
    'Less overfitting is good, so we regularise.',
    '没有数据泄露是好事。',
    '数据泄露是好事还是坏事，取决于场景。',
  ])('leaves "%s" alone', (sentence) => {
    expect(praised(sentence)).toEqual([]);
  });

  it('says on the score that the problem is one to prevent', () => {
    const sentence = 'Training-serving skew is actually useful here.';
    const [note] = wrongIdeaNotes([{ text: sentence }], [['praised:training-serving-skew']]);
    expect(note).toMatchObject({
      code: 'wrong-idea',
      kind: 'backwards',
      quote: sentence,
      why: {
        en: 'Training-serving skew is a problem to prevent, not something that helps.',
        zh: 'Training-serving skew 是要防止的问题，不是好事。',
      },
    });
  });
});
