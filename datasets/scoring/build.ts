/**
 * Builds the scoring corpus (datasets/scoring/corpus.jsonl) from what the writers and labelers
 * handed in (datasets/scoring/raw/), and prints the labelers' agreement with each other.
 *
 *   npx tsx datasets/scoring/build.ts                  # rebuild corpus.jsonl, print agreement
 *   npx tsx datasets/scoring/build.ts wrong-content    # rebuild wrong-content.jsonl (raw/wrong-content/)
 *   npx tsx datasets/scoring/build.ts fresh            # rebuild fresh.jsonl (raw/fresh/)
 *   npx tsx datasets/scoring/build.ts fresh2           # rebuild fresh2.jsonl (raw/fresh2/)
 *   npx tsx datasets/scoring/build.ts fresh3           # rebuild fresh3.jsonl (raw/fresh3/)
 *
 * raw/answers/<writer>.jsonl  one answer per line, as written: {n, scenario, stage, lang, kind,
 *                              style, target, answer, answered_stage?}
 * raw/ids.json                 the opaque id each (writer, n) was given for labeling
 * raw/labels/<labeler>.jsonl   {id, label, why}: primary labels in primary-*.jsonl, second
 *                              labels in second-*.jsonl
 *
 * Each answer's label is its primary label (a labeler who is not its writer, labeling from the
 * rubric only); second labels exist for about a quarter of the answers and measure how far two
 * careful humans agree: the ceiling any scorer can be held to.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { agreement } from '../../src/eval/metrics.ts';

const dir = path.dirname(new URL(import.meta.url).pathname);
/**
 * Which set to build: the main corpus, or one of the independent measurement sets, each in a
 * folder of its own under raw/ (wrong-content, fresh, fresh2, fresh3).
 */
const MEASUREMENT_SETS = ['wrong-content', 'fresh', 'fresh2', 'fresh3'];
const asked = process.argv[2];
if (asked && !MEASUREMENT_SETS.includes(asked)) {
  throw new Error(
    `unknown set ${asked}: the corpus (no argument) or ${MEASUREMENT_SETS.join(', ')}`,
  );
}
const set = asked ?? 'corpus';
const raw = set === 'corpus' ? path.join(dir, 'raw') : path.join(dir, 'raw', set);

const readLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

/**
 * The sixth set's writers each write ordinary answers at every level in one candidate voice:
 * the voice is the kind its figures are broken down by.
 */
const FRESH3_VOICES: Record<string, string> = {
  w19: 'terse-expert',
  w20: 'padded',
  w21: 'new-grad',
  w22: 'chinese',
  w23: 'non-native',
};

/** What kind of answer it is, for the per-kind figures: the writer's persona and style. */
function kindOf(writer: string, a: { kind: string; style?: string }): string {
  if (set === 'fresh3') {
    const voice = FRESH3_VOICES[writer];
    if (!voice) throw new Error(`fresh3: writer ${writer} has no voice in FRESH3_VOICES`);
    return voice;
  }
  // The other measurement sets' writers name the kind of each answer (other-stage,
  // keyword-stuffed, confidently-wrong, strong).
  if (a.kind !== 'normal' || set !== 'corpus') return a.kind;
  const style = a.style ?? '';
  if (writer === 'w6' || writer === 'w12') return 'chinese';
  if (writer === 'w11') return 'data-scientist';
  if (writer === 'w5') return 'spoken';
  if (writer === 'w4') return 'non-native';
  if (writer === 'w3') return style === 'confidently-wrong' ? 'confidently-wrong' : 'padded';
  if (style.includes('bullets')) return 'bullet-outline';
  if (writer === 'w2') return 'terse-expert';
  return 'new-grad';
}

const ids: Record<string, string> = JSON.parse(readFileSync(path.join(raw, 'ids.json'), 'utf8'));
const primary = new Map<string, number>();
const second = new Map<string, number>();
for (const file of readdirSync(path.join(raw, 'labels')).sort()) {
  const target = file.startsWith('second') ? second : primary;
  for (const l of readLines(path.join(raw, 'labels', file))) target.set(l.id, l.label);
}

const out: string[] = [];
const missing: string[] = [];
for (const file of readdirSync(path.join(raw, 'answers')).sort()) {
  const writer = file.replace(/\.jsonl$/, '');
  for (const a of readLines(path.join(raw, 'answers', file))) {
    const id = ids[`${writer}:${a.n}`]!;
    const label = primary.get(id);
    if (label === undefined) {
      missing.push(id);
      continue;
    }
    out.push(
      JSON.stringify({
        id,
        writer,
        scenario: a.scenario,
        stage: a.stage,
        lang: a.lang,
        kind: kindOf(writer, a),
        style: a.style,
        intended: a.kind === 'normal' ? a.target : null,
        answer: a.answer,
        label,
        ...(second.has(id) ? { label2: second.get(id) } : {}),
      }),
    );
  }
}
writeFileSync(path.join(dir, `${set}.jsonl`), `${out.join('\n')}\n`);
console.log(
  `${set}.jsonl: ${out.length} labeled answers${missing.length ? `, ${missing.length} without a primary label` : ''}`,
);

const pairs = [...second].filter(([id]) => primary.has(id));
const a = agreement(
  pairs.map(([, l]) => l),
  pairs.map(([, l]) => l),
  pairs.map(([id]) => primary.get(id)!),
);
console.log(
  `human–human agreement on ${pairs.length} double-labeled answers: QWK ${a.qwk.toFixed(2)}, Spearman ${a.spearman.toFixed(2)}, exact ${a.exact.toFixed(2)}, adjacent ${a.adjacent.toFixed(2)}`,
);
