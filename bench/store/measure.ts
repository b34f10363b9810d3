/**
 * The store figures: what the store part of a turn costs at answers 1, 50 and 200, the bytes
 * a 20- and a 200-answer interview send to the store, and what an interview occupies there.
 * "The store part of a turn" is what the engine does with the store per answer: take the
 * session lock, read the session, write it back with the new turns.
 */
import { performance } from 'node:perf_hooks';
import type { StoreKind } from '../../src/store/index.ts';
import { round } from '../support/stats.ts';
import { newInterview, turnAt } from './interview.ts';
import { type BenchUrls, openMetered } from './stores.ts';

export const CHECKPOINTS = [1, 50, 200] as const;
const INTERVIEWS = 3;
const WINDOW = 5;

export interface StoreFigures {
  store: StoreKind;
  /** Median ms of the store part of a turn around answer 1, 50 and 200. */
  turnMs: Record<(typeof CHECKPOINTS)[number], number>;
  /** turnMs at 200 / turnMs at 1 (the target is ≤ 1.5). */
  growth200: number;
  /** Bytes sent to the store by a whole 20- and 200-answer interview, and their ratio (≤ 12). */
  bytes20: number;
  bytes200: number;
  bytesRatio: number;
  /** Bytes the store holds per 20-answer interview (null where the store cannot say). */
  storedPer20: number | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Grow one interview to `answers`, timing the store part of every turn (ms per answer). */
async function growInterview(
  store: Awaited<ReturnType<typeof openMetered>>,
  id: string,
  answers: number,
): Promise<number[]> {
  const { store: sessions, lock } = store.handle;
  const first = newInterview(id, `bench:${id}`);
  first.version = 1;
  await sessions.put(first, 0);
  const times: number[] = [];
  for (let n = 1; n <= answers; n++) {
    const started = performance.now();
    await lock.withLock(`session:${id}`, async () => {
      const session = (await sessions.get(id))!;
      turnAt(session, n);
      if (n === answers) {
        session.status = 'finished';
        session.finishedAt = Date.now();
      }
      const expected = session.version;
      session.version = expected + 1;
      if ((await sessions.put(session, expected)) !== 'ok') throw new Error('bench: conflict');
    });
    times.push(performance.now() - started);
  }
  return times;
}

export async function measureStore(kind: StoreKind, urls: BenchUrls): Promise<StoreFigures> {
  const store = await openMetered(kind, urls);
  try {
    const run = `${kind}-${process.pid}-${Date.now()}`;
    // Warm up connections and scripts.
    await growInterview(store, `${run}-warm`, 10);

    const perInterview: number[][] = [];
    for (let i = 0; i < INTERVIEWS; i++)
      perInterview.push(await growInterview(store, `${run}-long-${i}`, 200));
    // Around answer n: answers n-4..n (1..5 for the first).
    const at = (n: number) => {
      const end = Math.max(WINDOW, n);
      return round(median(perInterview.flatMap((t) => t.slice(end - WINDOW, end))), 3);
    };
    const turnMs = { 1: at(1), 50: at(50), 200: at(200) };

    const before20 = store.bytesSent();
    await growInterview(store, `${run}-b20`, 20);
    const bytes20 = store.bytesSent() - before20;
    const before200 = store.bytesSent();
    await growInterview(store, `${run}-b200`, 200);
    const bytes200 = store.bytesSent() - before200;

    // What 20 interviews of 20 answers add to the store, per interview.
    const footprintIds = Array.from({ length: 20 }, (_, i) => `${run}-f${i}`);
    const held = await store.footprint([]);
    for (const id of footprintIds) await growInterview(store, id, 20);
    const after = await store.footprint(footprintIds);
    const storedPer20 =
      after === null || held === null
        ? null
        : Math.round((kind === 'redis' ? after : after - held) / footprintIds.length);

    return {
      store: kind,
      turnMs,
      growth200: round(turnMs[200] / turnMs[1], 2),
      bytes20,
      bytes200,
      bytesRatio: round(bytes200 / bytes20, 2),
      storedPer20,
    };
  } finally {
    await store.cleanup();
  }
}
