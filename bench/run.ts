/**
 * `npm run bench [-- --json]` and `npm run cli -- bench [--json]`: the engine benchmark and
 * the LLM rate-limiter benchmark. Progress goes to stderr; stdout gets the tables, or with
 * --json exactly one JSON object (also written to bench/results/latest.json, with every other
 * figure in bench/results/latest-details.json).
 *
 * Options:
 *   --json            the JSON object only
 *   --quick           a smaller run (200 / 2,000 sessions, two limiter windows) to try it out
 *   --only engine|limiter|store
 * REDIS_URL adds the Redis store and the two-process limiter run; DATABASE_URL adds the
 * PostgreSQL store and (with REDIS_URL) the 1/2/4-process store run; without them they are
 * skipped and the output says so.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type CliCommand, type CliIO, UsageError } from '../src/io.ts';
import { DEFAULT_PLANS, type EngineRunPlan, runEngineSuite } from './engine/index.ts';
import { describeScript } from './engine/candidates.ts';
import { type LimiterBenchResult, runLimiterBench } from './limiter/index.ts';
import { type BenchDetails, renderTables, summarise } from './report.ts';
import { renderStoreTables, runStoreBench, type StoreBenchResult } from './store/index.ts';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

const QUICK_PLANS: EngineRunPlan[] = [
  { sessions: 200, script: { kind: 'whole', answersPerStage: 2 } },
  { sessions: 2_000, script: { kind: 'opening', answers: 3 } },
];

export const benchCommand: CliCommand = async (argv, io) => {
  let values: { json?: boolean; quick?: boolean; only?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`bench: ${(error as Error).message}`);
  }
  if (values.only && !['engine', 'limiter', 'store'].includes(values.only)) {
    throw new UsageError(`bench: --only must be engine, limiter or store (got "${values.only}")`);
  }
  const redisUrl = io.env.REDIS_URL?.trim() || undefined;
  const progress = (line: string) => io.stderr.write(`bench: ${line}\n`);
  const started = Date.now();
  let storeResult: StoreBenchResult | undefined;
  const details: BenchDetails = {
    machine: {
      cpus: cpus().length,
      memory_gib: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    engine: [],
    limiter: [],
    skipped: [],
    started_at: new Date(started).toISOString(),
    seconds: 0,
  };

  if (!values.only || values.only === 'store') {
    storeResult = await runStoreBench({
      redisUrl,
      databaseUrl: io.env.DATABASE_URL?.trim() || undefined,
      quick: values.quick,
      progress,
    });
    details.skipped.push(...storeResult.skipped);
  }

  if (!values.only || values.only === 'engine') {
    const suite = await runEngineSuite({
      redisUrl,
      plans: values.quick ? QUICK_PLANS : DEFAULT_PLANS,
      onRun: (store, plan) =>
        progress(
          `engine, ${store} store, ${plan.sessions} candidates (${describeScript(plan.script)})…`,
        ),
    });
    details.engine = suite.runs;
    for (const s of suite.skipped)
      details.skipped.push(`engine on the ${s.store} store: ${s.reason}`);
  }

  if (!values.only || values.only === 'limiter') {
    const durationMs = values.quick ? 12_000 : 18_000;
    progress(`limiter, 1 process, ${durationMs / 1000} s…`);
    details.limiter.push(await runLimiterBench({ processes: 1, durationMs }));
    if (redisUrl) {
      progress(`limiter, 2 processes clustered through Redis, ${durationMs / 1000} s…`);
      details.limiter.push(await runLimiterBench({ processes: 2, durationMs, redisUrl }));
    } else {
      details.skipped.push(
        'limiter with 2 processes: REDIS_URL is not set (the processes share the limit through Redis)',
      );
    }
  }
  details.seconds = Math.round((Date.now() - started) / 100) / 10;
  for (const line of details.skipped) progress(`skipped ${line}`);

  const summary = summarise(details);
  const json = JSON.stringify(storeResult ? { ...summary, store: storeResult } : summary);
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(new URL('./results/latest.json', import.meta.url), `${json}\n`);
  await writeFile(
    new URL('./results/latest-details.json', import.meta.url),
    `${JSON.stringify(details, null, 2)}\n`,
  );
  const storeTables = storeResult ? `\n${renderStoreTables(storeResult)}` : '';
  io.stdout.write(values.json ? `${json}\n` : `${renderTables(details)}${storeTables}`);
  return errorsIn(details, progress) ? 1 : 0;
};

/** A run whose commands failed measured something else than intended: say so, exit non-zero. */
function errorsIn(details: BenchDetails, progress: (line: string) => void): boolean {
  const failed = details.engine.filter((r) => r.errors > 0);
  for (const r of failed)
    progress(`${r.errors} engine commands failed on ${r.store} (${r.sessions} sessions)`);
  const limiterFailures = details.limiter.filter((r: LimiterBenchResult) => r.failed > 0);
  for (const r of limiterFailures)
    progress(`${r.failed} LLM requests failed with ${r.processes} process(es)`);
  return failed.length > 0;
}

const isEntryPoint =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isEntryPoint) {
  const io: CliIO = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  };
  benchCommand(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
