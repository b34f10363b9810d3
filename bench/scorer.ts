/**
 * `npm run bench:scorer [-- --json]`: time of the offline scorer per stage answer, over every
 * answer of the scoring corpus (3 rounds after a warm-up round), and, in the same run, the share
 * of it that one scan of the catalogues of wrong content takes (misconceptions, definitions and
 * misuse, dismissals: regular expressions run over every sentence, and growing with the
 * catalogues). A lower bound: the scorer also checks the scenario's facts and, when an answer
 * makes two claims or more, scans again sentence by sentence.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stageById } from '../src/knowledge/knowledge.ts';
import type { StageId } from '../src/knowledge/schema.ts';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { readSentences } from '../src/scorer/analysis/sentences.ts';
import { misdefinedTermsIn, shippedDefinedTerms } from '../src/scorer/analysis/definitions.ts';
import { dismissalsIn, shippedPracticeCatalogue } from '../src/scorer/analysis/dismissals.ts';
import { misusedTermsIn } from '../src/scorer/analysis/term-misuse.ts';
import { OfflineScorer } from '../src/scorer/offline-scorer.ts';
import { shippedWrongClaims, wrongClaimsIn } from '../src/scorer/wrong-claims.ts';
import { percentile, round } from './support/stats.ts';

const ROUNDS = 3;
const json = process.argv.includes('--json');
const knowledge = await loadKnowledge();
const scorer = new OfflineScorer({ knowledge });
const corpus = fileURLToPath(new URL('../datasets/scoring/corpus.jsonl', import.meta.url));
const items: { scenario: string; stage: StageId; lang: 'en' | 'zh'; answer: string }[] =
  readFileSync(corpus, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));

const claims = shippedWrongClaims();
const terms = shippedDefinedTerms();
const practices = shippedPracticeCatalogue();

const scoring: number[] = [];
const catalogues: number[] = [];
for (let r = 0; r <= ROUNDS; r++) {
  for (const item of items) {
    const input = {
      framework: knowledge.framework,
      scenario: knowledge.scenarios.get(item.scenario)!,
      stage: stageById(knowledge.framework, item.stage),
      lang: item.lang,
      answer: item.answer,
      turns: [],
    };
    let start = performance.now();
    await scorer.score(input);
    const scored = performance.now() - start;
    const sentences = readSentences(item.answer, []).map((s) => s.text);
    start = performance.now();
    wrongClaimsIn(sentences, claims);
    misdefinedTermsIn(sentences, terms);
    misusedTermsIn(sentences, terms);
    dismissalsIn(sentences, practices);
    const scanned = performance.now() - start;
    if (r > 0) {
      scoring.push(scored);
      catalogues.push(scanned);
    }
  }
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const result = {
  answers: items.length,
  runs: scoring.length,
  catalogueSizes: { claims: claims.length, terms: terms.length },
  scoreMs: {
    mean: round(sum(scoring) / scoring.length),
    p50: round(percentile(scoring, 50)),
    p95: round(percentile(scoring, 95)),
    max: round(Math.max(...scoring)),
  },
  catalogueShare: round(sum(catalogues) / sum(scoring), 2),
};
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const s = result.scoreMs;
  process.stdout.write(
    `offline scorer, per stage answer (${result.answers} corpus answers × ${ROUNDS}; ${result.catalogueSizes.claims} wrong claims, ${result.catalogueSizes.terms} terms)\n` +
      `score  mean ${s.mean} ms  p50 ${s.p50} ms  p95 ${s.p95} ms  max ${s.max} ms\n` +
      `share of it one scan of the catalogues of wrong content takes (at least): ${Math.round(result.catalogueShare * 100)}%\n`,
  );
}
