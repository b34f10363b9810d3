/**
 * The engine benchmark suite: for each store, one run of 1,000 candidates through whole
 * interviews (latency over every kind of turn) and one of 10,000 candidates who start and
 * answer a few times, leaving their interviews open (memory per live interview at scale).
 * Each run is a child process of its own. Redis runs only when REDIS_URL is set.
 */
import { fileURLToPath } from 'node:url';
import type { StoreKind } from '../../src/store/index.ts';
import { runJsonChild } from '../support/tsx-child.ts';
import type { Script } from './candidates.ts';
import type { EngineRunOptions, EngineRunResult } from './simulation.ts';

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url));

export interface EngineRunPlan {
  sessions: number;
  script: Script;
}

export const DEFAULT_PLANS: EngineRunPlan[] = [
  { sessions: 1_000, script: { kind: 'whole', answersPerStage: 1 } },
  { sessions: 10_000, script: { kind: 'opening', answers: 2 } },
];

export interface EngineSuiteOptions {
  redisUrl?: string;
  stores?: StoreKind[];
  plans?: EngineRunPlan[];
  concurrency?: number;
  samples?: number;
  scenarioId?: string;
  /** Called before each run, for progress lines on stderr. */
  onRun?(store: StoreKind, plan: EngineRunPlan): void;
}

export interface EngineSuiteResult {
  runs: EngineRunResult[];
  /** Stores not run, with why. */
  skipped: { store: StoreKind; reason: string }[];
}

export async function runEngineSuite(options: EngineSuiteOptions = {}): Promise<EngineSuiteResult> {
  const stores = options.stores ?? ['memory', 'sqlite', 'redis'];
  const runs: EngineRunResult[] = [];
  const skipped: EngineSuiteResult['skipped'] = [];
  for (const store of stores) {
    if (store === 'redis' && !options.redisUrl) {
      skipped.push({
        store,
        reason: 'REDIS_URL is not set (e.g. REDIS_URL=redis://127.0.0.1:6379)',
      });
      continue;
    }
    for (const plan of options.plans ?? DEFAULT_PLANS) {
      options.onRun?.(store, plan);
      const runOptions: EngineRunOptions = {
        store,
        sessions: plan.sessions,
        script: plan.script,
        concurrency: options.concurrency ?? 8,
        samples: options.samples ?? 2_000,
        scenarioId: options.scenarioId ?? 'youtube-recommendation',
        redisUrl: options.redisUrl,
      };
      runs.push(await runJsonChild<EngineRunResult>(WORKER, [JSON.stringify(runOptions)]));
    }
  }
  return { runs, skipped };
}
