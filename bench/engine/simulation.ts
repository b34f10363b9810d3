/**
 * The engine benchmark proper: N simulated candidates, all with an interview open at once,
 * taking turns round-robin against one InterviewEngine with an instant LLM on one store.
 *
 * Two things are measured in the same run, on the same store and the same live sessions:
 * - Throughput: `concurrency` commands in flight at a time (candidates interleaved, so all N
 *   interviews are live together); turns/s = commands completed / wall time of the run, the
 *   measured steps included (they are at most 1 in 20, so the figure is a little conservative).
 * - Overhead: every `sampleEvery`-th step runs ALONE (the others are drained first and wait),
 *   so its time is the turn's own cost, not time queued behind other turns. Such a step first
 *   does a bare round trip on the candidate's own session — `store.get` + version-checked
 *   `store.put` of the very record the turn will load — then the command itself. The ratio of
 *   the two medians is the engine's overhead over the least a stateful turn must do.
 * Memory: after all turns, with every session still in the store and the store open, heap and
 * RSS (after forced GC) minus the same figures taken before the first session existed,
 * divided by the number of sessions.
 */
import { InterviewEngine } from '../../src/engine/engine.ts';
import type { Command, Outcome } from '../../src/engine/types.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import type { StoreKind } from '../../src/store/index.ts';
import { settledMemory } from '../support/memory.ts';
import { percentile, round } from '../support/stats.ts';
import { commandAt, type Script, scriptLength } from './candidates.ts';
import { InstantInterviewer, InstantScorer } from './instant-llm.ts';
import { openBenchStore } from './stores.ts';
import { Stopwatch, TimedLock, TimedStore, type TurnBreakdown } from './timing.ts';

export interface EngineRunOptions {
  store: StoreKind;
  sessions: number;
  script: Script;
  /** Commands in flight at once during the throughput part. */
  concurrency: number;
  /** About how many steps are measured alone (overhead samples); at most 1 step in 20. */
  samples: number;
  scenarioId: string;
  redisUrl?: string;
}

export interface EngineRunResult {
  store: StoreKind;
  sessions: number;
  script: Script;
  concurrency: number;
  commands: number;
  /** Turn overhead: one command's time when it runs alone. */
  p50_ms: number;
  p99_ms: number;
  turns_per_s: number;
  /** Heap (after GC) held per session, KiB. */
  mem_per_interview_kb: number;
  rss_per_interview_kb: number;
  /** Heap and RSS of the whole process at the end, MiB. */
  heap_total_mb: number;
  rss_total_mb: number;
  /** Median of a bare get + put of the same session record, measured alone. */
  store_roundtrip_p50_ms: number;
  ratio_p50: number;
  /** Mean size of a session record as JSON at the end, KiB. */
  record_kb: number;
  /** Medians of where a measured turn's time went. */
  breakdown: { store_ms: number; store_calls: number; lock_ms: number; engine_ms: number };
  /** Overhead p50 per command kind. */
  p50_by_kind: Record<string, number>;
  samples: number;
  errors: number;
  seconds: number;
}

interface Candidate {
  index: number;
  actor: string;
  sessionId: string;
  step: number;
}

interface Sample {
  kind: Command['kind'];
  turnMs: number;
  roundtripMs: number | null;
  breakdown: TurnBreakdown;
}

export async function runEngineBench(options: EngineRunOptions): Promise<EngineRunResult> {
  const started = performance.now();
  const knowledge = await loadKnowledge();
  const scenario = knowledge.scenarios.get(options.scenarioId);
  if (!scenario) throw new Error(`unknown scenario ${options.scenarioId}`);
  const opened = await openBenchStore(options.store, options.redisUrl);
  const watch = new Stopwatch();
  const store = opened.handle.store;
  const engine = new InterviewEngine({
    knowledge,
    store: new TimedStore(store, watch),
    lock: new TimedLock(opened.handle.lock, watch),
    interviewer: new InstantInterviewer(),
    scorer: new InstantScorer(),
  });

  try {
    // Warm up (JIT, connections, sqlite pages) on a session that is not counted.
    await warmUp(engine, options.scenarioId);
    const before = await settledMemory();

    let candidates: Candidate[] | null = Array.from({ length: options.sessions }, (_, index) => ({
      index,
      actor: `bench:${index}`,
      sessionId: `bench-${process.pid}-${index}`,
      step: 0,
    }));
    const steps = options.sessions * scriptLength(options.script, scenario);
    const sampleEvery = Math.max(20, Math.floor(steps / Math.max(1, options.samples)));

    const samples: Sample[] = [];
    let errors = 0;
    let stepCount = 0;
    let inFlight = 0;
    let drainWaiters: (() => void)[] = [];
    let sampling: Promise<void> | null = null;

    const execute = async (candidate: Candidate, command: Command): Promise<Outcome> => {
      const outcome = await engine.execute({
        actor: candidate.actor,
        sessionId: candidate.sessionId,
        command,
      });
      if (!outcome.ok) errors += 1;
      return outcome;
    };

    const measuredStep = async (candidate: Candidate, command: Command) => {
      let roundtripMs: number | null = null;
      if (command.kind !== 'start') {
        const t0 = performance.now();
        const session = await store.get(candidate.sessionId);
        if (session) {
          const expected = session.version;
          session.version = expected + 1;
          if ((await store.put(session, expected)) !== 'ok') errors += 1;
        }
        roundtripMs = performance.now() - t0;
      }
      watch.begin();
      const t1 = performance.now();
      await execute(candidate, command);
      const turnMs = performance.now() - t1;
      samples.push({ kind: command.kind, turnMs, roundtripMs, breakdown: watch.end() });
    };

    const step = async (candidate: Candidate, command: Command) => {
      while (sampling) await sampling;
      stepCount += 1;
      if (stepCount % sampleEvery !== 0) {
        inFlight += 1;
        try {
          await execute(candidate, command);
        } finally {
          inFlight -= 1;
          if (inFlight === 0) {
            for (const wake of drainWaiters) wake();
            drainWaiters = [];
          }
        }
        return;
      }
      // Run this one alone: hold the others back, wait for those in flight, measure.
      let release!: () => void;
      sampling = new Promise((resolve) => {
        release = resolve;
      });
      while (inFlight > 0) await new Promise<void>((resolve) => drainWaiters.push(resolve));
      try {
        await measuredStep(candidate, command);
      } finally {
        sampling = null;
        release();
      }
    };

    const queue = [...candidates];
    const loadStarted = performance.now();
    const worker = async () => {
      for (let candidate = queue.shift(); candidate; candidate = queue.shift()) {
        const command = commandAt(options.script, scenario, candidate.index, candidate.step);
        if (!command) continue;
        candidate.step += 1;
        await step(candidate, command);
        queue.push(candidate);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const loadMs = performance.now() - loadStarted;

    const recordKb = await meanRecordKb(store, candidates);
    candidates = null;
    const after = await settledMemory();

    const turnTimes = samples.map((s) => s.turnMs);
    const roundtrips = samples.flatMap((s) => (s.roundtripMs === null ? [] : [s.roundtripMs]));
    const p50 = percentile(turnTimes, 50);
    const roundtripP50 = percentile(roundtrips, 50);
    const byKind = new Map<string, number[]>();
    for (const s of samples) {
      const times = byKind.get(s.kind) ?? [];
      times.push(s.turnMs);
      byKind.set(s.kind, times);
    }

    return {
      store: options.store,
      sessions: options.sessions,
      script: options.script,
      concurrency: options.concurrency,
      commands: stepCount,
      p50_ms: round(p50),
      p99_ms: round(percentile(turnTimes, 99)),
      turns_per_s: round(stepCount / (loadMs / 1000), 1),
      mem_per_interview_kb: round((after.heapUsed - before.heapUsed) / 1024 / options.sessions, 2),
      rss_per_interview_kb: round((after.rss - before.rss) / 1024 / options.sessions, 2),
      heap_total_mb: round(after.heapUsed / 2 ** 20, 1),
      rss_total_mb: round(after.rss / 2 ** 20, 1),
      store_roundtrip_p50_ms: round(roundtripP50),
      ratio_p50: round(p50 / roundtripP50, 2),
      record_kb: round(recordKb, 2),
      breakdown: {
        store_ms: round(
          percentile(
            samples.map((s) => s.breakdown.storeMs),
            50,
          ),
        ),
        store_calls: percentile(
          samples.map((s) => s.breakdown.storeCalls),
          50,
        ),
        lock_ms: round(
          percentile(
            samples.map((s) => s.breakdown.lockMs),
            50,
          ),
        ),
        engine_ms: round(
          percentile(
            samples.map((s) => s.turnMs - s.breakdown.storeMs - s.breakdown.lockMs),
            50,
          ),
        ),
      },
      p50_by_kind: Object.fromEntries(
        [...byKind].map(([kind, times]) => [kind, round(percentile(times, 50))]),
      ),
      samples: samples.length,
      errors,
      seconds: round((performance.now() - started) / 1000, 1),
    };
  } finally {
    await opened.cleanup();
  }
}

async function warmUp(engine: InterviewEngine, scenarioId: string): Promise<void> {
  const actor = 'bench:warm-up';
  const sessionId = `bench-warm-up-${process.pid}`;
  await engine.execute({ actor, sessionId, command: { kind: 'start', scenarioId } });
  for (let i = 0; i < 20; i++) {
    await engine.execute({ actor, sessionId, command: { kind: 'answer', text: `warm-up ${i}` } });
  }
  await engine.execute({ actor, sessionId, command: { kind: 'end' } });
}

/** Mean JSON size of up to 200 session records, evenly picked. */
async function meanRecordKb(
  store: { get(id: string): Promise<unknown> },
  candidates: Candidate[],
): Promise<number> {
  const stride = Math.max(1, Math.floor(candidates.length / 200));
  let bytes = 0;
  let count = 0;
  for (let i = 0; i < candidates.length; i += stride) {
    const session = await store.get(candidates[i]!.sessionId);
    if (!session) continue;
    bytes += Buffer.byteLength(JSON.stringify(session));
    count += 1;
  }
  return count === 0 ? 0 : bytes / count / 1024;
}
