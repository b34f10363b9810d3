/** Turns/s and p99 of the store part of a turn with 1, 2 and 4 processes on one PostgreSQL + Redis. */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createStore } from '../../src/store/index.ts';
import { percentile, round } from '../support/stats.ts';
import { runJsonChild } from '../support/tsx-child.ts';
import { deleteRedisNamespace } from '../engine/stores.ts';

const WORKER = fileURLToPath(new URL('./throughput-worker.ts', import.meta.url));

export interface ThroughputFigures {
  processes: number;
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export async function measureThroughput(
  databaseUrl: string,
  redisUrl: string,
  options: { durationMs: number; loops: number; processes: number[] },
): Promise<ThroughputFigures[]> {
  const results: ThroughputFigures[] = [];
  for (const processes of options.processes) {
    const schema = `mli_bench_tp_${process.pid}_${randomUUID().slice(0, 8)}`;
    // Migrate once up front, so the processes start on an existing schema.
    await (await createStore({ databaseUrl, databaseSchema: schema })).close();
    try {
      const runs = await Promise.all(
        Array.from({ length: processes }, () =>
          runJsonChild<{ turns: number; latencies: number[] }>(WORKER, [
            databaseUrl,
            redisUrl,
            schema,
            String(options.durationMs),
            String(options.loops),
          ]),
        ),
      );
      const latencies = runs.flatMap((r) => r.latencies);
      results.push({
        processes,
        turnsPerSecond: round(latencies.length / (options.durationMs / 1000), 0),
        p50Ms: round(percentile(latencies, 50), 2),
        p99Ms: round(percentile(latencies, 99), 2),
      });
    } finally {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
      await deleteRedisNamespace(redisUrl, schema);
    }
  }
  return results;
}
