/**
 * The benchmark's plumbing on a tiny run (no figures are judged: durations are never asserted):
 * every simulated command succeeds, a whole-interview script ends with `end`, and the JSON
 * printed by `bench --json` has exactly the contract's fields.
 */
import { describe, expect, it } from 'vitest';
import { commandAt, scriptLength } from '../../bench/engine/candidates.ts';
import { runEngineBench } from '../../bench/engine/simulation.ts';
import { maxInWindow } from '../../bench/limiter/index.ts';
import { type BenchDetails, summarise } from '../../bench/report.ts';
import { stagePlan } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';

describe('engine benchmark (tiny run)', () => {
  it('scripts a whole interview: start, an answer and next per stage, end last', async () => {
    const knowledge = await loadKnowledge();
    const scenario = knowledge.scenarios.get('youtube-recommendation')!;
    const script = { kind: 'whole', answersPerStage: 1 } as const;
    const kinds = Array.from(
      { length: scriptLength(script, scenario) + 1 },
      (_, step) => commandAt(script, scenario, 0, step)?.kind ?? null,
    );
    expect(kinds[0]).toBe('start');
    expect(kinds.at(-2)).toBe('end');
    expect(kinds.at(-1)).toBeNull();
    expect(kinds.filter((k) => k === 'next')).toHaveLength(stagePlan(scenario).length - 1);
  });

  it.each(['memory', 'sqlite'] as const)('runs every command without error (%s)', async (store) => {
    const result = await runEngineBench({
      store,
      sessions: 12,
      script: { kind: 'whole', answersPerStage: 1 },
      concurrency: 4,
      samples: 50,
      scenarioId: 'youtube-recommendation',
    });
    expect(result.errors).toBe(0);
    const knowledge = await loadKnowledge();
    const scenario = knowledge.scenarios.get('youtube-recommendation')!;
    expect(result.commands).toBe(
      12 * scriptLength({ kind: 'whole', answersPerStage: 1 }, scenario),
    );
    expect(result.samples).toBeGreaterThan(0);
    for (const figure of [result.p50_ms, result.store_roundtrip_p50_ms, result.ratio_p50]) {
      expect(Number.isFinite(figure)).toBe(true);
    }
    expect(result.p50_by_kind).toHaveProperty('answer');
  });
});

describe('benchmark output', () => {
  it('has exactly the fields of the JSON contract', () => {
    const details = {
      machine: { cpus: 2, memory_gib: 1, node: 'v20', platform: 'linux-x64' },
      engine: [
        {
          store: 'memory',
          sessions: 10,
          p50_ms: 1,
          p99_ms: 2,
          turns_per_s: 3,
          mem_per_interview_kb: 4,
          store_roundtrip_p50_ms: 0.5,
          ratio_p50: 2,
          record_kb: 9,
          breakdown: {},
        },
      ],
      limiter: [
        { processes: 2, allowed_rpm: 600, achieved_rpm: 570, ratio: 0.95, count_429: 0, failed: 0 },
      ],
      skipped: [],
      started_at: '',
      seconds: 1,
    } as unknown as BenchDetails;
    const summary = summarise(details);
    expect(Object.keys(summary)).toEqual(['engine', 'limiter']);
    expect(Object.keys(summary.engine[0]!).sort()).toEqual(
      [
        'store',
        'sessions',
        'p50_ms',
        'p99_ms',
        'turns_per_s',
        'mem_per_interview_kb',
        'store_roundtrip_p50_ms',
        'ratio_p50',
      ].sort(),
    );
    expect(Object.keys(summary.limiter[0]!).sort()).toEqual(
      ['processes', 'allowed_rpm', 'achieved_rpm', 'ratio', 'count_429'].sort(),
    );
  });

  it('counts the most requests in any one window', () => {
    expect(maxInWindow([0, 100, 999, 1000, 1500], 1000)).toBe(3);
    expect(maxInWindow([], 1000)).toBe(0);
  });
});
