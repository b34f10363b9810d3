/**
 * The sentences the offline scorer reads as wrong ideas are quoted on the score with the reason,
 * so a candidate sees what held the score down (and can tell a misreading); they are quoted as
 * a criterion's evidence only after every sound sentence, and never count as its explanation.
 */
import { describe, expect, it } from 'vitest';
import type { ScoreNote } from '../../src/engine/score-notes.ts';
import {
  MAX_QUOTE_CHARS,
  MAX_WRONG_IDEA_NOTES,
  wrongIdeaNotes,
} from '../../src/scorer/analysis/wrong-idea-notes.ts';
import { shippedWrongClaims } from '../../src/scorer/wrong-claims.ts';
import { offlineScoring } from './offline-scoring.ts';

const { score } = offlineScoring();

type WrongIdea = Extract<ScoreNote, { code: 'wrong-idea' }>;
const wrongIdeas = (notes: readonly unknown[]) =>
  notes.filter((n): n is WrongIdea => (n as WrongIdea).code === 'wrong-idea');

const ACCURACY =
  'Offline I would track accuracy as the main metric because everyone understands it.';
const PRECISION = 'Precision means how fast the model returns a result.';
const ONLINE =
  'Online we watch fraud loss in basis points and the false-decline rate, since every decline costs a good customer.';

describe('wrong ideas on the score', () => {
  it('quotes each wrong sentence with what was read wrong, and holds two wrong ideas at level 1', async () => {
    const result = await score(
      'fraud-detection',
      'metrics',
      [ACCURACY, PRECISION, ONLINE].join(' '),
    );
    const notes = wrongIdeas(result.notes);
    expect(notes.map((n) => [n.kind, n.quote])).toEqual([
      ['misfit', ACCURACY],
      ['misdefined', PRECISION],
    ]);
    expect(notes[0]!.why?.en).toMatch(/rare/);
    expect(notes[1]!.term).toBe('Precision');
    expect(result.score).toBeLessThan(1.5);
  });

  it("gives a catalogued wrong claim the catalogue's reason", async () => {
    const claim = shippedWrongClaims().find((c) => c.id === 'baseline-unnecessary')!;
    const wrong = claim.examples.wrong[0]!;
    const result = await score(
      'fraud-detection',
      'modeling',
      `${wrong} We would train a GBDT on transaction features.`,
    );
    const [note] = wrongIdeas(result.notes);
    expect(note).toMatchObject({ kind: 'claim', why: { en: claim.why, zh: claim.whyZh } });
    // The sentence (or clause: the reader splits at ";") that makes the claim, verbatim.
    expect(wrong.startsWith(note!.quote)).toBe(true);
  });

  it('says which way is better for a metric read backwards, in both languages', async () => {
    const backwards = 'Drift is fine: the higher the PSI, the more stable the model.';
    const result = await score(
      'fraud-detection',
      'monitoring',
      `${backwards} We alert on the false-decline rate and fraud loss every hour.`,
    );
    const [note] = wrongIdeas(result.notes);
    expect(note).toMatchObject({
      kind: 'backwards',
      quote: backwards,
      term: 'PSI',
      why: { en: 'For PSI, lower is better.', zh: 'PSI 越低越好。' },
    });
  });

  it('says what an acronym spelled out wrongly stands for', async () => {
    const wrong =
      'We find similar past fraud cases with ANN (approximate neural network) over embeddings.';
    const result = await score(
      'fraud-detection',
      'serving',
      `${wrong} The feature service feeds the GBDT model within 50 ms, because checkout waits on it.`,
    );
    const [note] = wrongIdeas(result.notes);
    expect(note).toMatchObject({
      kind: 'misdefined',
      quote: wrong,
      term: 'ANN',
      why: { en: 'ANN stands for approximate nearest neighbours.' },
    });
  });

  it('adds no such note to a sound answer', async () => {
    const result = await score(
      'fraud-detection',
      'metrics',
      'Offline I would use PR-AUC and recall at a fixed false-positive rate, because fraud is rare and accuracy would look high for a model that flags nothing. ' +
        ONLINE,
    );
    expect(wrongIdeas(result.notes)).toEqual([]);
  });

  it('quotes the first few wrong sentences only, and cuts a long one', async () => {
    const long = `Precision means how fast the model returns a result, ${'and the dashboards refresh every minute for the on-call team '.repeat(5)}.`;
    const answer = [
      long,
      'Recall means how many users come back to the app the next day.',
      ACCURACY,
      'F1 is basically the average of accuracy and latency.',
    ].join(' ');
    const notes = wrongIdeas((await score('fraud-detection', 'metrics', answer)).notes);
    expect(notes).toHaveLength(MAX_WRONG_IDEA_NOTES);
    expect(notes[0]!.quote.length).toBeLessThanOrEqual(MAX_QUOTE_CHARS);
    expect(notes[0]!.quote.endsWith('…')).toBe(true);
    expect(notes[1]!.quote).toBe('Recall means how many users come back to the app the next day.');
  });

  it('quotes a sound sentence before a wrong one as evidence, never joined to it', async () => {
    const result = await score('fraud-detection', 'metrics', [ACCURACY, ONLINE].join(' '));
    for (const c of result.criteria) {
      const at = c.evidence.indexOf(ACCURACY);
      if (at >= 0) expect(at, c.id).toBe(c.evidence.length - 1);
    }
    // A short fragment is joined to the next sentence for a quote of useful length, but not to a
    // wrong one.
    const joined = await score(
      'fraud-detection',
      'metrics',
      `Offline we use PR-AUC; ${PRECISION} ${ONLINE}`,
    );
    for (const c of joined.criteria) {
      for (const quote of c.evidence) expect(quote).not.toMatch(/PR-AUC; Precision means/);
    }
  });

  it('a wrong sentence makes no key point and explains nothing', async () => {
    const named = await score(
      'fraud-detection',
      'metrics',
      'PR-AUC means how fast the model returns a result.',
    );
    const sound = await score(
      'fraud-detection',
      'metrics',
      'PR-AUC, because fraud is a fraction of a percent of transactions and ROC-AUC hides that.',
    );
    const prAuc = (missed: string[]) => missed.some((p) => p.includes('PR-AUC'));
    expect(prAuc(sound.missedKeyPoints)).toBe(false);
    expect(prAuc(named.missedKeyPoints)).toBe(true);
    // Its only reasoned sentence is wrong: a list of the right terms, held at 2 at most.
    const list = await score(
      'fraud-detection',
      'metrics',
      `Metrics: PR-AUC, recall at a fixed false-positive rate, fraud loss, false-decline rate. ${ACCURACY}`,
    );
    expect(list.score).toBeLessThan(2.5);
    for (const c of list.criteria) expect(c.feedback, c.id).not.toMatch(/You gave a reason/);
  });

  it('adds none to an answer to another stage, which scores 1 on every criterion anyway', async () => {
    const serving =
      'We serve the GBDT behind a feature cache with a 50 ms p99 budget, autoscale the pods on QPS, batch requests on CPU, and fall back to rules on timeout. We apply int8 quantization to handle cold start.';
    expect(wrongIdeas((await score('fraud-detection', 'serving', serving)).notes)).toHaveLength(1);
    const asked = await score('fraud-detection', 'metrics', serving);
    expect(asked.notes).toContainEqual(expect.objectContaining({ code: 'off-stage' }));
    expect(wrongIdeas(asked.notes)).toEqual([]);
  });

  it('names the term as the answer wrote it, and words each kind of wrong idea', () => {
    const [misused, dismissed, misfit] = wrongIdeaNotes(
      [
        { text: 'We apply int8 quantization to handle cold start.' },
        { text: 'A/B tests are a waste of time here.' },
        { text: 'Accuracy is the goal.' },
      ],
      [['misused:quantization'], ['dismissed:ab-test'], ['misfit:accuracy-with-rare-positives']],
    );
    expect(misused).toMatchObject({ kind: 'misused', term: 'quantization' });
    expect(dismissed).toMatchObject({
      kind: 'dismissed',
      quote: 'A/B tests are a waste of time here.',
    });
    expect(misfit).toMatchObject({ kind: 'misfit', why: { zh: expect.stringMatching(/正样本/) } });
  });

  it('words the notes in Chinese for a Chinese answer', async () => {
    const result = await score(
      'fraud-detection',
      'metrics',
      '精确率就是模型的训练速度。线上看欺诈损失和误拒率。',
      'zh',
    );
    expect(wrongIdeas(result.notes)[0]).toMatchObject({ kind: 'misdefined', term: '精确率' });
  });
});
