/**
 * The store benchmark (`npm run bench -- --only store`, also part of the full run): per store,
 * the store part of a turn at answers 1, 50 and 200, bytes sent by a 20- vs a 200-answer
 * interview and bytes held per interview; then turns/s and p99 with 1, 2 and 4 processes on
 * one PostgreSQL + Redis. Redis needs REDIS_URL, PostgreSQL needs DATABASE_URL (and REDIS_URL
 * for the processes); without them those parts are skipped and the output says so.
 */
import type { StoreKind } from '../../src/store/index.ts';
import { measureStore, type StoreFigures } from './measure.ts';
import { measureThroughput, type ThroughputFigures } from './throughput.ts';

export interface StoreBenchResult {
  stores: StoreFigures[];
  processes: ThroughputFigures[];
  skipped: string[];
}

export async function runStoreBench(options: {
  redisUrl?: string;
  databaseUrl?: string;
  quick?: boolean;
  progress: (line: string) => void;
}): Promise<StoreBenchResult> {
  const { redisUrl, databaseUrl, progress } = options;
  const result: StoreBenchResult = { stores: [], processes: [], skipped: [] };
  const kinds: StoreKind[] = ['memory', 'sqlite'];
  if (redisUrl) kinds.push('redis');
  else result.skipped.push('store figures on Redis: REDIS_URL is not set');
  if (databaseUrl) kinds.push('postgres');
  else result.skipped.push('store figures on PostgreSQL: DATABASE_URL is not set');
  for (const kind of kinds) {
    progress(`store, ${kind}: turns at answers 1/50/200, bytes sent, bytes held…`);
    result.stores.push(await measureStore(kind, { redisUrl, databaseUrl }));
  }
  if (databaseUrl && redisUrl) {
    const durationMs = options.quick ? 3_000 : 8_000;
    progress(`store, 1/2/4 processes on PostgreSQL + Redis, ${durationMs / 1000} s each…`);
    result.processes = await measureThroughput(databaseUrl, redisUrl, {
      durationMs,
      loops: 8,
      processes: [1, 2, 4],
    });
  } else {
    result.skipped.push('store processes: needs DATABASE_URL and REDIS_URL');
  }
  return result;
}

export function renderStoreTables(result: StoreBenchResult): string {
  const lines = [
    'Store: the store part of a turn (lock + read + write), median ms around answer n',
    'store     answer 1  answer 50  answer 200  200/1   bytes sent 20-ans  200-ans  ratio  held per 20-ans interview',
  ];
  for (const s of result.stores) {
    lines.push(
      [
        s.store.padEnd(9),
        String(s.turnMs[1]).padStart(8),
        String(s.turnMs[50]).padStart(10),
        String(s.turnMs[200]).padStart(11),
        `${s.growth200}×`.padStart(6),
        String(s.bytes20).padStart(19),
        String(s.bytes200).padStart(8),
        `${s.bytesRatio}×`.padStart(6),
        (s.storedPer20 === null ? 'n/a' : `${s.storedPer20} B`).padStart(26),
      ].join(' '),
    );
  }
  if (result.processes.length > 0) {
    lines.push(
      '',
      'PostgreSQL + Redis, 8 interviews per process: turns/s and latency of the store part',
    );
    lines.push('processes  turns/s   p50 ms   p99 ms');
    for (const p of result.processes) {
      lines.push(
        `${String(p.processes).padStart(9)} ${String(p.turnsPerSecond).padStart(8)} ${String(p.p50Ms).padStart(8)} ${String(p.p99Ms).padStart(8)}`,
      );
    }
  }
  for (const s of result.skipped) lines.push(`skipped: ${s}`);
  return `${lines.join('\n')}\n`;
}
