/**
 * `npm run check:definitions [-- --part FILE.yaml] [-- --paraphrases FILE.json …]`: the whole
 * check of the glossary of terms (knowledge/definitions.yaml), for whoever edits it. `npm test`
 * runs a sample of the same checks (test/scorer/definition-paraphrases.test.ts).
 *
 * Each term's wrong definitions (its examples and the paraphrases in
 * test/fixtures/scorer/definition-paraphrases.json) must read as misdefined, and its wrong uses as
 * misused; correct sentences (the right definitions and uses, the correct paraphrases of
 * misconception-paraphrases.json, the reviewers' sentences) and the level-4 model answers must not
 * read as a misdefined, misused or backwards term or a praised problem. With `--part`, the part's entries replace the
 * glossary's entries of the same id and only they are judged (how a session widens a few terms).
 *
 * Prints MISS (a wrong sentence not caught), FLAG (a correct sentence flagged) and MODEL (a model-
 * answer sentence flagged) lines, then the totals; exits 1 when any FLAG or MODEL line was printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { referenceSentences } from '../src/knowledge/reference-sentences.ts';
import {
  type DefinedTerm,
  loadDefinedTerms,
  misdefinedTermsIn,
} from '../src/scorer/analysis/definitions.ts';
import { backwardsMetricsIn } from '../src/scorer/analysis/metric-direction.ts';
import { praisedProblemsIn } from '../src/scorer/analysis/praised-problems.ts';
import { misusedTermsIn } from '../src/scorer/analysis/term-misuse.ts';

interface TermParaphrases {
  wrongDefinitions?: string[];
  rightDefinitions?: string[];
  wrongUses?: string[];
  rightUses?: string[];
}

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'test/fixtures/scorer');
const { values } = parseArgs({
  options: {
    part: { type: 'string' },
    paraphrases: { type: 'string', multiple: true, default: [] },
  },
});

const glossary = loadDefinedTerms(path.join(root, 'knowledge/definitions.yaml'));
const part = values.part ? loadDefinedTerms(path.resolve(values.part)) : undefined;
const byId = new Map(part?.map((t) => [t.id, t]));
const catalogue = glossary.map((t) => byId.get(t.id) ?? t);
const judged = part ? catalogue.filter((t) => byId.has(t.id)) : catalogue;

const paraphraseFiles = [
  path.join(fixtures, 'definition-paraphrases.json'),
  ...values.paraphrases.map((f) => path.resolve(f)),
].filter((f) => existsSync(f));
const paraphrases = new Map<string, Required<TermParaphrases>>();
for (const file of paraphraseFiles) {
  const entries: Record<string, TermParaphrases> = JSON.parse(readFileSync(file, 'utf8'));
  for (const [id, p] of Object.entries(entries)) {
    const all = paraphrases.get(id) ?? {
      wrongDefinitions: [],
      rightDefinitions: [],
      wrongUses: [],
      rightUses: [],
    };
    all.wrongDefinitions.push(...(p.wrongDefinitions ?? []));
    all.rightDefinitions.push(...(p.rightDefinitions ?? []));
    all.wrongUses.push(...(p.wrongUses ?? []));
    all.rightUses.push(...(p.rightUses ?? []));
    paraphrases.set(id, all);
  }
}

/** The judged terms the sentence misdefines, misuses, reads backwards or praises, as `kind:id`. */
function flagsOf(sentence: string, terms: readonly DefinedTerm[]): string[] {
  return [
    ...misdefinedTermsIn([sentence], terms, catalogue).map((id) => `misdefined:${id}`),
    ...misusedTermsIn([sentence], catalogue, terms).map((id) => `misused:${id}`),
    ...backwardsMetricsIn([sentence], catalogue, terms).map((id) => `backwards:${id}`),
    ...praisedProblemsIn([sentence], terms).map((id) => `praised:${id}`),
  ];
}

let wrongTotal = 0;
let misses = 0;
for (const term of judged) {
  const own = paraphrases.get(term.id);
  const wrong = [
    ...term.examples.wrong,
    ...(own?.wrongDefinitions ?? []),
    ...(term.uses?.wrong ?? []),
    ...(own?.wrongUses ?? []),
  ];
  for (const sentence of wrong) {
    wrongTotal++;
    if (flagsOf(sentence, [term]).length > 0) continue;
    misses++;
    console.log(`MISS   ${term.id}: ${sentence}`);
  }
}

const reviewed = readFileSync(path.join(fixtures, 'correct-sentences-reviewed.txt'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '');
const claimParaphrases: Record<string, { right: string[] }> = JSON.parse(
  readFileSync(path.join(fixtures, 'misconception-paraphrases.json'), 'utf8'),
);
const correct = [
  ...judged.flatMap((t) => [...t.examples.right, ...(t.uses?.right ?? [])]),
  ...[...paraphrases.values()].flatMap((p) => [...p.rightDefinitions, ...p.rightUses]),
  ...Object.values(claimParaphrases).flatMap((p) => p.right),
  ...reviewed,
];
let flags = 0;
for (const sentence of correct) {
  const found = flagsOf(sentence, judged);
  if (found.length === 0) continue;
  flags++;
  console.log(`FLAG   ${found.join(',')}: ${sentence}`);
}

// The level-4 model answers, as the knowledge loader reads them (knowledge/model-answers/).
const knowledge = await loadKnowledge(path.join(root, 'knowledge'));
let modelFlags = 0;
const sentences = referenceSentences(knowledge);
for (const { scenario, stage, lang, text: sentence } of sentences) {
  const found = flagsOf(sentence, judged);
  if (found.length === 0) continue;
  modelFlags++;
  console.log(`MODEL  ${found.join(',')} (${scenario} ${stage} ${lang}): ${sentence}`);
}

console.log(
  `\n${judged.length} terms; wrong sentences caught ${wrongTotal - misses}/${wrongTotal}; correct sentences flagged ${flags}/${correct.length}; model-answer sentences flagged ${modelFlags}/${sentences.length}`,
);
process.exitCode = flags + modelFlags > 0 ? 1 : 0;
