/**
 * `eval --review [--diagrams FILE] [--estimates FILE] [--json]`: the diagram critique and the
 * estimate checker on their labeled sets (defaults: eval/diagrams.jsonl, eval/estimates.jsonl).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type ReviewEvalReport, loadReviewSet, runReviewEval } from '../eval/review-eval.ts';
import { loadKnowledge } from '../knowledge/loader.ts';
import { type CliCommand, UsageError } from '../io.ts';

const EVAL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../eval');

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function format(r: ReviewEvalReport): string {
  const misses = r.items.filter((i) => !i.ok).slice(0, 10);
  return [
    `${r.set}: ${r.n} items`,
    `  planted defects found:        ${pct(r.defectRecall)} (${r.plantedFound}/${r.planted})`,
    `  false findings on correct:    ${pct(r.falseFindingRate)} (${r.correctWithFindings}/${r.correct})`,
    `  malformed answered, no crash: ${pct(r.malformedAnsweredRate)} (${r.malformedAnswered}/${r.malformed})`,
    ...misses.map(
      (m) =>
        `  miss ${m.id}: expected [${m.expected.join(', ')}] found [${m.found.join(', ')}]${m.error ? ` error ${m.error}` : ''}`,
    ),
    '',
  ].join('\n');
}

export const reviewEvalCommand: CliCommand = async (argv, io) => {
  let values: { diagrams?: string; estimates?: string; json?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        diagrams: { type: 'string', default: path.join(EVAL_DIR, 'diagrams.jsonl') },
        estimates: { type: 'string', default: path.join(EVAL_DIR, 'estimates.jsonl') },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`eval --review: ${(error as Error).message}`);
  }
  const knowledge = await loadKnowledge(io.env.KNOWLEDGE_DIR || undefined);
  const reports: ReviewEvalReport[] = [];
  for (const file of [values.diagrams!, values.estimates!]) {
    let items: Awaited<ReturnType<typeof loadReviewSet>>;
    try {
      items = await loadReviewSet(file);
    } catch (error) {
      io.stderr.write(`eval --review: ${(error as Error).message}\n`);
      return 2;
    }
    reports.push(await runReviewEval(knowledge, path.relative(process.cwd(), file) || file, items));
  }
  if (values.json) io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  else io.stdout.write(reports.map(format).join('\n'));
  return 0;
};
