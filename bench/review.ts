/**
 * `npm run bench:review [-- --json]`: parse + critique time per diagram, and check time per
 * estimate, over the labeled sets in eval/ (every item, 20 rounds after a warm-up round).
 * Prints mean, p50, p95 and max in ms; the target is under 50 ms per diagram.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { reviewAnswer } from '../src/review/review.ts';

const ROUNDS = 20;
const json = process.argv.includes('--json');
const knowledge = await loadKnowledge();

function load(name: string): { scenario: string; answer: string }[] {
  const file = fileURLToPath(new URL(`../eval/${name}`, import.meta.url));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));
}

async function measure(items: { scenario: string; answer: string }[]) {
  const times: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    for (const item of items) {
      const scenario = knowledge.scenarios.get(item.scenario)!;
      const start = performance.now();
      await reviewAnswer(scenario, item.answer);
      if (round > 0) times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  return {
    items: items.length,
    runs: times.length,
    meanMs: mean,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: times[times.length - 1]!,
  };
}

const result = {
  diagrams: await measure(load('diagrams.jsonl')),
  estimates: await measure(load('estimates.jsonl')),
};
if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
else {
  const row = (name: string, r: typeof result.diagrams) =>
    `${name.padEnd(10)} ${String(r.items).padStart(5)} items × ${ROUNDS}  mean ${r.meanMs.toFixed(2)} ms  p50 ${r.p50Ms.toFixed(2)} ms  p95 ${r.p95Ms.toFixed(2)} ms  max ${r.maxMs.toFixed(2)} ms`;
  process.stdout.write(
    `parse + critique per answer (target < 50 ms per diagram)\n${row('diagrams', result.diagrams)}\n${row('estimates', result.estimates)}\n`,
  );
}
