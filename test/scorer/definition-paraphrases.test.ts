/**
 * The glossary of terms (knowledge/definitions.yaml) on the paraphrases its patterns were widened
 * from: for each term, definitions that are about another idea, in the ways candidates write them
 * (prose, outline fragments, appositions, spoken fillers, Chinese with the English or the Chinese
 * name), loose but right definitions, and, for terms whose uses are judged, claims that the term
 * serves an idea it is not for and correct uses. Written by helper sessions that saw their part of
 * the glossary and no answer of the scoring sets (README, "How good the scores are"). A tuning
 * set, so a regression guard here, not a measure: every term catches its wrong sentences, and no
 * term fires on a correct one, on the other correct sentences we keep or on a level-4 model answer
 * (the same checks, printed one by one: `npm run check:definitions`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { referenceSentences } from '../../src/knowledge/reference-sentences.ts';
import { misdefinedTermsIn, shippedDefinedTerms } from '../../src/scorer/analysis/definitions.ts';
import { backwardsMetricsIn } from '../../src/scorer/analysis/metric-direction.ts';
import { praisedProblemsIn } from '../../src/scorer/analysis/praised-problems.ts';
import { misusedTermsIn } from '../../src/scorer/analysis/term-misuse.ts';

interface TermParaphrases {
  wrongDefinitions: string[];
  rightDefinitions: string[];
  wrongUses?: string[];
  rightUses?: string[];
}

const fixtures = path.resolve(import.meta.dirname, '../fixtures/scorer');
const paraphrases: Record<string, TermParaphrases> = JSON.parse(
  readFileSync(path.join(fixtures, 'definition-paraphrases.json'), 'utf8'),
);

/** Wrong sentences left uncaught, each with its term (the file's header says why). */
const LEFT_MISSED = new Set(
  readFileSync(path.join(fixtures, 'definition-paraphrases-missed.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#')),
);

const terms = shippedDefinedTerms();

/** What the glossary reads as wrong in the sentence: misdefined, misused, backwards or praised terms. */
function flagsOf(sentence: string, judged = terms): string[] {
  return [
    ...misdefinedTermsIn([sentence], judged, terms).map((id) => `misdefined:${id}`),
    ...misusedTermsIn([sentence], terms, judged).map((id) => `misused:${id}`),
    ...backwardsMetricsIn([sentence], terms, judged).map((id) => `backwards:${id}`),
    ...praisedProblemsIn([sentence], judged).map((id) => `praised:${id}`),
  ];
}

describe('terms misdefined and misused in other words', () => {
  it('covers every term of the glossary', () => {
    expect(Object.keys(paraphrases).sort()).toEqual(terms.map((t) => t.id).sort());
  });

  it('reads each wrong definition and wrong use as wrong for its term, but the few listed as missed', () => {
    let wrong = 0;
    const missed: string[] = [];
    for (const term of terms) {
      const own = paraphrases[term.id]!;
      for (const sentence of [...own.wrongDefinitions, ...(own.wrongUses ?? [])]) {
        wrong++;
        if (flagsOf(sentence, [term]).length === 0) missed.push(`${term.id}\t${sentence}`);
      }
    }
    // Both ways: a new miss fails, and so does a listed miss now caught (take it off the list).
    expect(missed.sort()).toEqual([...LEFT_MISSED].sort());
    expect(wrong).toBeGreaterThan(1_700);
  }, 60_000);

  it('fires on no correct definition or use, whichever term', () => {
    const rights = Object.values(paraphrases).flatMap((p) => [
      ...p.rightDefinitions,
      ...(p.rightUses ?? []),
    ]);
    expect(rights.length).toBeGreaterThan(1_000);
    for (const sentence of rights) expect(flagsOf(sentence), sentence).toEqual([]);
  }, 60_000);

  it('fires on none of the correct sentences kept for the catalogue of wrong claims', () => {
    const claimParaphrases: Record<string, { right: string[] }> = JSON.parse(
      readFileSync(path.join(fixtures, 'misconception-paraphrases.json'), 'utf8'),
    );
    const reviewed = readFileSync(path.join(fixtures, 'correct-sentences-reviewed.txt'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    for (const sentence of [
      ...Object.values(claimParaphrases).flatMap((p) => p.right),
      ...reviewed,
    ])
      expect(flagsOf(sentence), sentence).toEqual([]);
  }, 60_000);

  it('fires on no sentence of the level-4 model answers', async () => {
    const knowledge = await loadKnowledge();
    const sentences = referenceSentences(knowledge).map((s) => s.text);
    expect(sentences.length).toBeGreaterThan(5_000);
    const flagged = sentences.flatMap((sentence) => {
      const ids = flagsOf(sentence);
      return ids.length > 0 ? [`${ids.join(',')}: ${sentence}`] : [];
    });
    expect(flagged).toEqual([]);
  }, 60_000);
});
