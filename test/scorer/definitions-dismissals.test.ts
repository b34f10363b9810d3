import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadDefinedTerms,
  misdefinedTermsIn,
  misdefines,
  shippedDefinedTerms,
} from '../../src/scorer/analysis/definitions.ts';
import {
  dismissalsIn,
  dismissalsInSentence,
  loadPracticeCatalogue,
  shippedPracticeCatalogue,
} from '../../src/scorer/analysis/dismissals.ts';

/** Sentences a strong candidate writes: neither check may fire on them. */
const STRONG = [
  'Canary at 1% for a day, then 10%, watching latency and complaint rate.',
  'Recall matters more than precision here because a missed fraud case costs $500.',
  'We start with logistic regression instead of a transformer because we have 20k labels and a 10 ms budget.',
  'No A/B test at first: with 300 orders a day it would take months to reach power, so a staged rollout with guardrails.',
  'AUC is threshold-free, so we also report precision at the operating threshold.',
  'Two-tower retrieval returns 1,000 candidates, then a GBDT ranker scores them.',
  '用 two-tower 召回 1000 个候选，再用 GBDT 精排。',
  '先灰度 5% 流量，观察一周没问题再全量。',
  'Daily retraining is overkill; weekly is enough since tastes drift slowly.',
  'Alert if CTR drops more than 5% day over day.',
  'Calibration is not needed for pure ranking unless the scores feed the bid.',
  'An A/B test measures the retention impact over four weeks.',
];

describe('misdefined terms (knowledge/definitions.yaml)', () => {
  const terms = shippedDefinedTerms();
  const term = (id: string) => terms.find((t) => t.id === id)!;

  it('flags each wrong example for its own term and no right example for any term', () => {
    expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
    for (const t of terms) {
      for (const s of t.examples.wrong) expect(misdefines(s, t), `${t.id}: ${s}`).toBe(true);
      for (const s of t.examples.right) expect(misdefinedTermsIn([s], terms), s).toEqual([]);
    }
  });

  it('reads only definitions, never uses of a term', () => {
    for (const s of STRONG) expect(misdefinedTermsIn([s], terms), s).toEqual([]);
    const canary = terms.find((t) => t.id === 'canary')!;
    expect(misdefines('Canary is the safer choice for a ranking change.', canary)).toBe(false);
    expect(misdefines('Canary means the loudest users see it first.', canary)).toBe(true);
  });

  it('reads definitions said as what the term is for, how it works or what it measures', () => {
    const canary = terms.find((t) => t.id === 'canary')!;
    const recall = terms.find((t) => t.id === 'recall')!;
    const wrong: [string, (typeof terms)[number]][] = [
      ['Canary is used for making the model more accurate.', canary],
      ['Canary works by deploying to the strongest servers.', canary],
      ['Canary is the process of retraining on the newest data.', canary],
      ['Canary: a technique where we run the model on the biggest servers.', canary],
      ['Recall measures how quickly the model responds.', recall],
      ['金丝雀发布是在最贵的机器上部署的方法。', canary],
      ['召回率衡量的是模型的速度。', recall],
    ];
    for (const [s, t] of wrong) expect(misdefines(s, t), s).toBe(true);
    const right: [string, (typeof terms)[number]][] = [
      ['Canary is used for exposing a small share of traffic first.', canary],
      ['Canary works by sending 1% of users to the new model.', canary],
      ['Recall measures the share of actual fraud we catch.', recall],
      ['金丝雀发布是先给一小部分流量的做法。', canary],
      ['召回率衡量的是所有真实欺诈里被抓到的比例。', recall],
    ];
    for (const [s, t] of right) expect(misdefines(s, t), s).toBe(false);
    // In an outline a colon introduces the choice made, not a definition.
    expect(
      misdefinedTermsIn(['Canary: 1% for a day, then 10%.', 'Feature store: Feast.'], terms),
    ).toEqual([]);
  });

  it('reads definitions given as a formula, an equation, a reading or after an outline colon', () => {
    const recall = terms.find((t) => t.id === 'recall')!;
    const precision = terms.find((t) => t.id === 'precision')!;
    const wrong: [string, (typeof terms)[number]][] = [
      ['Recall, computed as revenue per recommendation, is the offline metric.', recall],
      ['Recall is defined as the number of sessions per day.', recall],
      ['Precision, which equals the latency at p99, is what we watch.', precision],
      ['召回率我理解就是用户第二天回来的比例。', recall],
      ['召回率定义为每天的活跃用户数。', recall],
      ['- Recall: measures how quickly the model responds.', recall],
      ['- 召回率：用来衡量推荐列表的多样性', recall],
      ['- 精确率：两个用户互为好友的概率', precision],
      // A definition ends with its clause: the next one's words do not vouch for it.
      [
        'We use precision, which is the share of all violent videos that we catch, and recall, which is how many of our flags are right.',
        precision,
      ],
    ];
    for (const [s, t] of wrong) expect(misdefines(s, t), s).toBe(true);
    const right: [string, (typeof terms)[number]][] = [
      ['Recall, computed as the share of actual fraud we catch, is the offline metric.', recall],
      ['Precision, which equals TP / (TP + FP), is what the review queue feels.', precision],
      ['召回率我理解就是所有真实正样本里被找出来的比例。', recall],
      ['- Recall: the share of actual positives we catch.', recall],
      ['- 精确率：预测为正的样本里真正为正的比例', precision],
      // Another term that ends in the word: mixed precision is not precision.
      ['Mixed precision is basically running most layers in FP16 to cut memory.', precision],
      // Two metrics related, not one defined.
      ['We pick the threshold where precision equals recall.', precision],
      ['精确率等于召回率的那个阈值叫 break-even 点。', precision],
      // A definition that goes on in a second clause is still one definition.
      [
        'A canary release means we ship the new model first, and only to 1% of traffic.',
        term('canary'),
      ],
      ['金丝雀发布就是先发布新模型，然后只给 1% 的流量。', term('canary')],
      // "computed as of" dates a value.
      ["Recall computed as of last week's labels is 0.71.", recall],
      // After a slot such as a guardrail or north-star metric, a colon introduces the choice.
      ['- North-star metric: the number of weekly active creators', term('north-star-metric')],
      ['- 护栏指标：崩溃率和投诉用户的比例', term('guardrail-metric')],
      // An outline's colon still introduces a choice, not a definition.
      ['- Recall: 0.8 at the current threshold.', recall],
    ];
    for (const [s, t] of right) expect(misdefines(s, t), s).toBe(false);
  });

  it('reports a broken file with its path and the term', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'defs-'));
    const file = path.join(dir, 'definitions.yaml');
    writeFileSync(
      file,
      "version: 1\nterms:\n  - id: bad\n    term: {en: ['(x']}\n    gist: [y]\n    examples: {wrong: [a], right: [b]}\n",
    );
    expect(() => loadDefinedTerms(file)).toThrow(/definitions\.yaml: bad: invalid pattern/);
  });
});

describe('dismissed practices (knowledge/dismissals.yaml)', () => {
  const catalogue = shippedPracticeCatalogue();

  it('recognises each wrong example for its own entry and no right example for any entry', () => {
    for (const entry of [...catalogue.practices, ...catalogue.direct]) {
      for (const s of entry.examples.wrong)
        expect(dismissalsInSentence(s, catalogue), `${entry.id}: ${s}`).toContain(entry.id);
      for (const s of entry.examples.right)
        expect(dismissalsInSentence(s, catalogue), `${entry.id}: ${s}`).toEqual([]);
    }
  });

  it('leaves reasoned trade-offs and strong sentences alone', () => {
    expect(dismissalsIn(STRONG, catalogue)).toEqual([]);
    expect(
      dismissalsIn(['The A/B test is overkill because there are only 40 users a week.'], catalogue),
    ).toEqual([]);
    expect(dismissalsIn(['The A/B test is overkill, the new model is better.'], catalogue)).toEqual(
      ['ab-test'],
    );
  });

  it('reports a broken file with its path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dismiss-'));
    const file = path.join(dir, 'dismissals.yaml');
    writeFileSync(file, 'version: 1\ncues: {en: []}\n');
    expect(() => loadPracticeCatalogue(file)).toThrow(/dismissals\.yaml: /);
  });
});
