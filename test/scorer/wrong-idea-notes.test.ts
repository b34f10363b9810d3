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
    expect(note).toMatchObject({ kind: 'claim', why: { en: claim.why } });
    // The sentence (or clause: the reader splits at ";") that makes the claim, verbatim.
    expect(wrong.startsWith(note!.quote)).toBe(true);
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

  it('quotes a sound sentence before a wrong one as evidence, and a wrong one is no explanation', async () => {
    const result = await score('fraud-detection', 'metrics', [ACCURACY, ONLINE].join(' '));
    const offline = result.criteria.find((c) => c.id === 'offline-metrics')!;
    expect(offline.evidence[0]).not.toBe(ACCURACY);
    const alone = await score('fraud-detection', 'metrics', `${ACCURACY} ${PRECISION}`);
    for (const c of alone.criteria) expect(c.feedback).not.toMatch(/You gave a reason/);
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
