/**
 * `eval --set FILE.jsonl [--scorer offline|llm] [--repeat N] [--json]`: scores every answer of a
 * labeled set and prints agreement with the labels, next to the length-only baseline.
 * `--json` prints one object:
 *   {n, scorer, qwk, spearman, exact, adjacent, mae,
 *    baseline: {qwk, spearman, exact, adjacent, mae}, fallbacks, byKind, retest?,
 *    items: [{id, label, score, level, ...}]}
 * `--repeat N` scores the set N times and adds test-retest agreement (QWK between runs); for
 * the deterministic offline scorer it is 1 by construction. With `--scorer llm` it also prints
 * tokens and cost per answer (`usage` in the JSON; prices in src/eval/cost.ts).
 */
import { parseArgs } from 'node:util';
import { formatUsage, usageReport } from '../eval/cost.ts';
import { DatasetError, loadLabeledSet } from '../eval/dataset.ts';
import { formatEvalReport } from '../eval/report.ts';
import { runEval } from '../eval/runner.ts';
import { loadKnowledge } from '../knowledge/loader.ts';
import { HeldOutError, scorersByHeldOutWriter } from '../eval/held-out.ts';
import { type CliCommand, UsageError } from '../io.ts';
import { type CliScorerKind, createScorerForCli, SCORER_KINDS } from './scorer-factory.ts';

function parse(argv: string[]) {
  let values: {
    set?: string;
    scorer?: string;
    repeat?: string;
    json?: boolean;
    'leave-one-writer-out'?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        set: { type: 'string' },
        scorer: { type: 'string', default: 'offline' },
        repeat: { type: 'string', default: '1' },
        json: { type: 'boolean', default: false },
        'leave-one-writer-out': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`eval: ${(error as Error).message}`);
  }
  if (!values.set) {
    throw new UsageError(
      'usage: eval --set FILE.jsonl [--scorer offline|llm] [--repeat N] [--leave-one-writer-out] [--json]',
    );
  }
  if (!SCORER_KINDS.includes(values.scorer as CliScorerKind)) {
    throw new UsageError(`eval: --scorer must be one of ${SCORER_KINDS.join(', ')}`);
  }
  const repeat = Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) {
    throw new UsageError('eval: --repeat must be a whole number from 1 to 20');
  }
  const heldOut = values['leave-one-writer-out'] ?? false;
  if (heldOut && values.scorer !== 'offline') {
    throw new UsageError(
      'eval: --leave-one-writer-out trains the offline scorer; use it with --scorer offline',
    );
  }
  return {
    heldOut,
    set: values.set,
    scorer: values.scorer as CliScorerKind,
    repeat,
    json: values.json ?? false,
  };
}

export const evalCommand: CliCommand = async (argv, io) => {
  if (argv.includes('--review'))
    return (await import('./eval-review.ts')).reviewEvalCommand(
      argv.filter((a) => a !== '--review'),
      io,
    );
  const options = parse(argv);
  const knowledge = await loadKnowledge(io.env.KNOWLEDGE_DIR || undefined);

  let items: Awaited<ReturnType<typeof loadLabeledSet>>;
  try {
    items = await loadLabeledSet(options.set);
  } catch (error) {
    if (error instanceof DatasetError) {
      io.stderr.write(`eval: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const cli = await createScorerForCli(options.scorer, io.env, { knowledge });

  try {
    const showProgress =
      options.scorer === 'llm' && Boolean((io.stderr as { isTTY?: boolean }).isTTY);
    const report = await runEval({
      knowledge,
      scorer: cli.scorer,
      scorerFor: options.heldOut ? scorersByHeldOutWriter(knowledge, items) : undefined,
      items,
      repeat: options.repeat,
      onProgress: showProgress
        ? (done, total) => io.stderr.write(`\rscored ${done}/${total}${done === total ? '\n' : ''}`)
        : undefined,
    });
    const usage = report.usage
      ? usageReport(report.usage, report.n * options.repeat, cli.price ?? null)
      : undefined;
    if (options.json) {
      io.stdout.write(`${JSON.stringify({ ...report, usage }, null, 2)}\n`);
    } else {
      const tokens = usage ? formatUsage(usage) : '';
      io.stdout.write(`${cli.describe}\n${formatEvalReport(report, options.set)}${tokens}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof DatasetError || error instanceof HeldOutError) {
      io.stderr.write(`eval: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await cli.close();
  }
};
