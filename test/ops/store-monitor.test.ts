/**
 * The store monitor's bounded check: a store that does not answer fails it, and a store that did
 * answer while this process's event loop was busy (a long synchronous task) does not.
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { StoreMonitor, withTimeout } from '../../src/ops/store-monitor.ts';

/** Holds the event loop, as a long synchronous task (e.g. a cold offline scoring) does. */
function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy on purpose
  }
}

/**
 * A store on another thread that answers after `ms`: its reply comes back as I/O, in the poll
 * phase of the event loop, like a sqlite or Redis reply.
 */
function storeAnsweringAfter(ms: number): Promise<unknown> {
  const worker = new Worker(
    `setTimeout(() => require('node:worker_threads').parentPort.postMessage('ok'), ${ms});`,
    { eval: true },
  );
  return new Promise((resolve) => {
    worker.once('message', (reply) => {
      void worker.terminate();
      resolve(reply);
    });
  });
}

/** Blocks the loop from a setImmediate callback: after it come the timers, then the poll phase. */
function blockSoon(ms: number): Promise<void> {
  return new Promise((resolve) =>
    setImmediate(() => {
      blockFor(ms);
      resolve();
    }),
  );
}

describe('withTimeout', () => {
  it('fails work that never settles, saying how long it waited', async () => {
    await expect(withTimeout(new Promise(() => {}), 30)).rejects.toThrow('no answer within 30 ms');
  });

  it("passes the work's own failure through", async () => {
    await expect(withTimeout(Promise.reject(new Error('ECONNREFUSED')), 1_000)).rejects.toThrow(
      'ECONNREFUSED',
    );
  });

  it('takes a reply that arrived while the event loop was busy past the window', async () => {
    // The store answers while the loop is held; the check's timer is then overdue, and runs
    // before the poll phase that delivers the reply.
    const checked = withTimeout(storeAnsweringAfter(10), 50);
    await blockSoon(1_000);
    await expect(checked).resolves.toBe('ok');
  });

  it('still fails a store that does not answer when the event loop was busy', async () => {
    const checked = withTimeout(new Promise(() => {}), 50);
    await blockSoon(200);
    await expect(checked).rejects.toThrow('no answer within 50 ms');
  });
});

describe('StoreMonitor', () => {
  it('reports the store down when a check fails, and up again when one succeeds', async () => {
    let answering = false;
    const changes: [boolean, string | null][] = [];
    const monitor = new StoreMonitor({
      check: () =>
        answering ? Promise.resolve(null) : Promise.reject(new Error('connection lost')),
      intervalMs: 60_000,
      timeoutMs: 100,
      onChange: (up, reason) => changes.push([up, reason]),
    });
    expect(await monitor.checkNow()).toBe(false);
    expect(monitor.reason).toBe('connection lost');
    answering = true;
    expect(await monitor.checkNow()).toBe(true);
    expect(changes).toEqual([
      [false, 'connection lost'],
      [true, null],
    ]);
  });

  it('stays up through a check that the busy event loop made late', async () => {
    const changes: boolean[] = [];
    const monitor = new StoreMonitor({
      check: () => storeAnsweringAfter(10),
      intervalMs: 60_000,
      timeoutMs: 50,
      onChange: (up) => changes.push(up),
    });
    const checked = monitor.checkNow();
    await blockSoon(1_000);
    expect(await checked).toBe(true);
    expect(changes).toEqual([]);
  });
});
