/**
 * Forcing garbage collection so that heap figures mean "what is still referenced", not "what
 * the collector has not got round to yet". Works without starting node with --expose-gc, so the
 * benchmark measures the same way under `npm run bench` and `npm run cli -- bench`.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gcFunction: (() => void) | null = null;

function gc(): () => void {
  if (gcFunction) return gcFunction;
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) {
    gcFunction = existing;
    return existing;
  }
  setFlagsFromString('--expose-gc');
  gcFunction = runInNewContext('gc') as () => void;
  return gcFunction;
}

export interface MemorySnapshot {
  heapUsed: number;
  rss: number;
}

/** Collect garbage (a few full passes, so weak and finalised objects go too), then measure. */
export async function settledMemory(): Promise<MemorySnapshot> {
  const collect = gc();
  for (let i = 0; i < 3; i++) {
    collect();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}
