/**
 * One process of the multi-process store benchmark: on PostgreSQL + Redis, `loops` interviews
 * of its own, each appending answers (lock, read, write) for `durationMs`. Prints one JSON
 * line: the turns done and every turn's latency.
 *   throughput-worker.ts <databaseUrl> <redisUrl> <schema> <durationMs> <loops>
 */
import { performance } from 'node:perf_hooks';
import { createStore } from '../../src/store/index.ts';
import { newInterview, turnAt } from './interview.ts';

const [databaseUrl, redisUrl, schema, durationArg, loopsArg] = process.argv.slice(2);
const handle = await createStore({
  databaseUrl,
  redisUrl,
  databaseSchema: schema,
  namespace: schema,
  retentionDays: 0,
});
const { store, lock } = handle;
const latencies: number[] = [];
const deadline = Date.now() + Number(durationArg);

async function loop(index: number): Promise<void> {
  const id = `t-${process.pid}-${index}`;
  const first = newInterview(id, `bench:${id}`);
  first.version = 1;
  await store.put(first, 0);
  for (let n = 1; Date.now() < deadline; n++) {
    const started = performance.now();
    await lock.withLock(`session:${id}`, async () => {
      const session = (await store.get(id))!;
      turnAt(session, n);
      const expected = session.version;
      session.version = expected + 1;
      if ((await store.put(session, expected)) !== 'ok') throw new Error('conflict');
    });
    latencies.push(performance.now() - started);
  }
}

await Promise.all(Array.from({ length: Number(loopsArg) }, (_, i) => loop(i)));
await handle.close();
process.stdout.write(`${JSON.stringify({ turns: latencies.length, latencies })}\n`);
