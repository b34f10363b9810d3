/**
 * What the benchmark prints: the JSON contract (`--json`) and the tables for people.
 *
 * The JSON object has exactly the contract's fields:
 *   {engine: [{store, sessions, p50_ms, p99_ms, turns_per_s, mem_per_interview_kb,
 *              store_roundtrip_p50_ms, ratio_p50}],
 *    limiter: [{processes, allowed_rpm, achieved_rpm, ratio, count_429}]}
 * Everything else measured (breakdowns, RSS, record sizes, skipped parts) goes into the
 * details file and the human tables.
 */
import CliTable from 'cli-table3';
import type { EngineRunResult } from './engine/simulation.ts';
import { describeScript } from './engine/candidates.ts';
import type { LimiterBenchResult } from './limiter/index.ts';

export interface BenchDetails {
  machine: { cpus: number; memory_gib: number; node: string; platform: string };
  engine: EngineRunResult[];
  limiter: LimiterBenchResult[];
  skipped: string[];
  started_at: string;
  seconds: number;
}

export interface BenchSummary {
  engine: {
    store: string;
    sessions: number;
    p50_ms: number;
    p99_ms: number;
    turns_per_s: number;
    mem_per_interview_kb: number;
    store_roundtrip_p50_ms: number;
    ratio_p50: number;
  }[];
  limiter: {
    processes: number;
    allowed_rpm: number;
    achieved_rpm: number;
    ratio: number;
    count_429: number;
  }[];
}

export function summarise(details: BenchDetails): BenchSummary {
  return {
    engine: details.engine.map((r) => ({
      store: r.store,
      sessions: r.sessions,
      p50_ms: r.p50_ms,
      p99_ms: r.p99_ms,
      turns_per_s: r.turns_per_s,
      mem_per_interview_kb: r.mem_per_interview_kb,
      store_roundtrip_p50_ms: r.store_roundtrip_p50_ms,
      ratio_p50: r.ratio_p50,
    })),
    limiter: details.limiter.map((r) => ({
      processes: r.processes,
      allowed_rpm: r.allowed_rpm,
      achieved_rpm: r.achieved_rpm,
      ratio: r.ratio,
      count_429: r.count_429,
    })),
  };
}

/** The targets from the issue, checked against the figures. */
export function targetChecks(details: BenchDetails): { ok: boolean; text: string }[] {
  const checks: { ok: boolean; text: string }[] = [];
  for (const r of details.engine) {
    checks.push({
      ok: r.ratio_p50 <= 3,
      text: `${r.store} ${r.sessions}: turn p50 / store round trip p50 = ${r.ratio_p50} (target ≤ 3)`,
    });
  }
  for (const r of details.engine.filter((e) => e.sessions >= 10_000)) {
    checks.push({
      ok: r.rss_total_mb < 1024,
      text: `${r.store} ${r.sessions} live interviews: process RSS ${r.rss_total_mb} MiB (target < 1024 MiB)`,
    });
  }
  for (const r of details.limiter) {
    checks.push({
      ok: r.ratio >= 0.9 && r.count_429 === 0,
      text: `limiter, ${r.processes} process${r.processes > 1 ? 'es' : ''}: ${r.ratio} of allowed, ${r.count_429} × 429 (target ≥ 0.9, zero 429s)`,
    });
  }
  return checks;
}

/** A plain table (no colours: the output is often piped or pasted into the README). */
function table(options: { head: string[] }) {
  return new CliTable({ ...options, style: { head: [], border: [] } });
}

export function renderTables(details: BenchDetails): string {
  const out: string[] = [];
  const m = details.machine;
  out.push(
    `Machine: ${m.cpus} CPUs, ${m.memory_gib} GiB RAM, node ${m.node} (${m.platform}); ${details.seconds} s in all.`,
    '',
    `Engine (instant LLM; latency = one command run alone, throughput = ${details.engine[0]?.concurrency ?? '?'} commands in flight):`,
  );
  const engine = table({
    head: [
      'store',
      'sessions',
      'script',
      'p50 ms',
      'p99 ms',
      'turns/s',
      'heap KiB/int.',
      'RSS KiB/int.',
      'record KiB',
      'get+put p50 ms',
      'ratio p50',
    ],
  });
  for (const r of details.engine) {
    engine.push([
      r.store,
      r.sessions,
      describeScript(r.script),
      r.p50_ms,
      r.p99_ms,
      r.turns_per_s,
      r.mem_per_interview_kb,
      r.rss_per_interview_kb,
      r.record_kb,
      r.store_roundtrip_p50_ms,
      r.ratio_p50,
    ]);
  }
  out.push(engine.toString(), '', 'Where a measured turn goes (medians):');
  const breakdown = table({
    head: [
      'store',
      'sessions',
      'store ms (calls)',
      'lock ms',
      'engine ms',
      'p50 by command',
      'process heap / RSS MiB',
    ],
  });
  for (const r of details.engine) {
    breakdown.push([
      r.store,
      r.sessions,
      `${r.breakdown.store_ms} (${r.breakdown.store_calls})`,
      r.breakdown.lock_ms,
      r.breakdown.engine_ms,
      Object.entries(r.p50_by_kind)
        .map(([kind, ms]) => `${kind} ${ms}`)
        .join(', '),
      `${r.heap_total_mb} / ${r.rss_total_mb}`,
    ]);
  }
  out.push(breakdown.toString());

  if (details.limiter.length > 0) {
    out.push(
      '',
      'LLM rate limiter against the local server (window scaled: see bench/limiter/index.ts):',
    );
    const limiter = table({
      head: [
        'processes',
        'allowed RPM',
        'achieved RPM',
        'ratio',
        '429s',
        'max in a window / allowed',
        'window, span',
      ],
    });
    for (const r of details.limiter) {
      limiter.push([
        r.processes,
        r.allowed_rpm,
        r.achieved_rpm,
        r.ratio,
        r.count_429,
        `${r.max_in_window} / ${r.allowed_per_window}`,
        `${r.window_ms / 1000} s, ${r.duration_ms / 1000} s`,
      ]);
    }
    out.push(limiter.toString());
  }
  if (details.skipped.length > 0) {
    out.push('', 'Skipped:', ...details.skipped.map((s) => `  - ${s}`));
  }
  out.push(
    '',
    'Targets:',
    ...targetChecks(details).map((c) => `  ${c.ok ? 'met   ' : 'MISSED'} ${c.text}`),
  );
  return `${out.join('\n')}\n`;
}
