/**
 * One engine benchmark run in a process of its own (so each run's memory figures start from
 * a clean heap). Started by bench/engine/index.ts; prints its result as one JSON line.
 *   node --import tsx bench/engine/worker.ts '<EngineRunOptions as JSON>'
 */
import { type EngineRunOptions, runEngineBench } from './simulation.ts';

const options = JSON.parse(process.argv[2] ?? '{}') as EngineRunOptions;
runEngineBench(options).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  },
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
