/**
 * `npm run check:wrong-claims [-- FILE.yaml]`: the whole check of a catalogue of wrong claims
 * (default knowledge/misconceptions.yaml), for whoever edits it. Not part of `npm test`, which
 * runs a sample of the same checks (test/scorer/misconception-paraphrases.test.ts): scanning every
 * model-answer sentence against every pattern takes about half a minute.
 *
 * Prints each claim's example or paraphrase it misses (MISS), each correct sentence any claim
 * flags (FLAG: the examples' right sentences, the paraphrases' correct ones and the reviewers'
 * sentences), and each sentence of the level-4 model answers any claim flags (MODEL: correct text,
 * so almost surely a false flag); exits 1 when any FLAG or MODEL line was printed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { referenceSentences } from '../src/knowledge/reference-sentences.ts';
import { loadWrongClaims, wrongClaimsIn } from '../src/scorer/wrong-claims.ts';

const root = path.resolve(import.meta.dirname, '..');
const file = path.resolve(process.argv[2] ?? path.join(root, 'knowledge/misconceptions.yaml'));
const claims = loadWrongClaims(file);
const fixtures = path.join(root, 'test/fixtures/scorer');
const paraphrases: Record<string, { wrong: string[]; right: string[] }> = JSON.parse(
  readFileSync(path.join(fixtures, 'misconception-paraphrases.json'), 'utf8'),
);
const reviewed = readFileSync(path.join(fixtures, 'correct-sentences-reviewed.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');

let misses = 0;
let wrongTotal = 0;
for (const claim of claims) {
  for (const sentence of [...claim.examples.wrong, ...(paraphrases[claim.id]?.wrong ?? [])]) {
    wrongTotal++;
    if (wrongClaimsIn([sentence], [claim]).length > 0) continue;
    misses++;
    console.log(`MISS   ${claim.id}: ${sentence}`);
  }
}

const correct = [
  ...claims.flatMap((c) => c.examples.right),
  ...Object.values(paraphrases).flatMap((p) => p.right),
  ...reviewed,
];
let flags = 0;
for (const sentence of correct) {
  const ids = wrongClaimsIn([sentence], claims);
  if (ids.length === 0) continue;
  flags++;
  console.log(`FLAG   ${ids.join(',')}: ${sentence}`);
}

// The level-4 model answers, as the knowledge loader reads them (knowledge/model-answers/).
const knowledge = await loadKnowledge(path.join(root, 'knowledge'));
let modelFlags = 0;
const sentences = referenceSentences(knowledge);
for (const { scenario, stage, lang, text: sentence } of sentences) {
  const ids = wrongClaimsIn([sentence], claims);
  if (ids.length === 0) continue;
  modelFlags++;
  console.log(`MODEL  ${ids.join(',')} (${scenario} ${stage} ${lang}): ${sentence}`);
}

console.log(
  `\n${claims.length} claims; wrong sentences caught ${wrongTotal - misses}/${wrongTotal}; correct sentences flagged ${flags}/${correct.length}; model-answer sentences flagged ${modelFlags}/${sentences.length}`,
);
process.exitCode = flags + modelFlags > 0 ? 1 : 0;
