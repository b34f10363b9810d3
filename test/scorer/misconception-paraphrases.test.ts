/**
 * The catalogue of wrong claims (knowledge/misconceptions.yaml) on the paraphrases its patterns
 * were widened from: for each claim, sentences that make it in the ways candidates write (prose,
 * outline fragments, spoken fillers, appositions, Chinese with English terms) and correct ones
 * with the same words. Written by helper sessions that saw the catalogue entry and no answer of
 * the scoring sets (README, "How good the scores are"). A tuning set, so a regression guard here,
 * not a measure: every claim catches its paraphrases, and no claim fires on a correct one, on
 * the reviewers' correct sentences or on a sample of the level-4 model answers' sentences (all of
 * them: `npm run check:wrong-claims`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { referenceSentences } from '../../src/knowledge/reference-sentences.ts';
import { shippedWrongClaims, wrongClaimsIn } from '../../src/scorer/wrong-claims.ts';

const paraphrases: Record<string, { wrong: string[]; right: string[] }> = JSON.parse(
  readFileSync(
    path.resolve(import.meta.dirname, '../fixtures/scorer/misconception-paraphrases.json'),
    'utf8',
  ),
);

/** Paraphrases left uncaught on purpose, and why. */
const LEFT_MISSED = new Set([
  // 误报率 is often "false alarms / all alerts", which really is 1 − precision: reading it as the
  // false positive rate would flag correct answers.
  '误报率等于 1 减去 precision。',
  // The answer is split at "; ", so the unit and the metric are read as two sentences.
  '- A/B unit: request; metric: 7-day retention',
]);

describe('wrong claims said in other words', () => {
  const claims = shippedWrongClaims();

  // The claims written from a development set (ids named by its writer: d5-… to d12-) were written
  // with their paraphrases as their examples (five wrong sentences or more in several voices, four
  // right ones or more), which test/scorer/wrong-claims.test.ts checks.
  const writtenWithParaphrases = (id: string) => /^d\d+-/.test(id);

  it('covers every claim of the catalogue', () => {
    const older = claims.filter((c) => !writtenWithParaphrases(c.id));
    expect(Object.keys(paraphrases).sort()).toEqual(older.map((c) => c.id).sort());
    for (const claim of claims.filter((c) => writtenWithParaphrases(c.id))) {
      expect(claim.examples.wrong.length, claim.id).toBeGreaterThanOrEqual(5);
      expect(claim.examples.right.length, claim.id).toBeGreaterThanOrEqual(4);
    }
  }, 60_000);

  it('recognises each claim in its paraphrases', () => {
    for (const claim of claims) {
      for (const sentence of paraphrases[claim.id]?.wrong ?? []) {
        if (LEFT_MISSED.has(sentence)) continue;
        expect(wrongClaimsIn([sentence], [claim]), `${claim.id}: ${sentence}`).toEqual([claim.id]);
      }
    }
  }, 60_000);

  it('fires on no correct paraphrase, whichever claim', () => {
    const rights = Object.values(paraphrases).flatMap((p) => p.right);
    expect(rights.length).toBeGreaterThan(1_000);
    for (const sentence of rights) expect(wrongClaimsIn([sentence], claims), sentence).toEqual([]);
  }, 60_000);

  it('fires on none of 500 correct sentences written by two reviewers who had not read the catalogue', () => {
    // Written before the reviewers opened the catalogue (half in English, half in Chinese with
    // English terms, many of them near misses); the 4 false flags they found were then fixed.
    const reviewed = readFileSync(
      path.resolve(import.meta.dirname, '../fixtures/scorer/correct-sentences-reviewed.txt'),
      'utf8',
    )
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(reviewed.length).toBe(500);
    for (const sentence of reviewed)
      expect(wrongClaimsIn([sentence], claims), sentence).toEqual([]);
  }, 60_000);

  it('fires on no sentence of a sample of the level-4 model answers', async () => {
    // Every eighth sentence: the whole scan (about half a minute of CPU) is
    // `npm run check:wrong-claims`, for whoever edits the catalogue.
    const knowledge = await loadKnowledge();
    const sentences = referenceSentences(knowledge).map((s) => s.text);
    const sample = sentences.filter((_, i) => i % 8 === 0);
    expect(sample.length).toBeGreaterThan(500);
    const flagged = sample.flatMap((sentence) => {
      const ids = wrongClaimsIn([sentence], claims);
      return ids.length > 0 ? [`${ids.join(',')}: ${sentence}`] : [];
    });
    expect(flagged).toEqual([]);
  }, 60_000);
});
