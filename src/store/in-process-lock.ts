/**
 * The session lock for a single process (memory and sqlite stores): a FIFO queue per key, so
 * messages that arrive during a turn wait and then run in arrival order, never dropped.
 */
import { LockBusyError, type SessionLock } from '../engine/ports.ts';
import { KeyedMutex } from './keyed-mutex.ts';

export interface LockOptions {
  /** How long a waiter queues before `LockBusyError`. Covers a slow turn (LLM calls + retries). */
  maxWaitMs?: number;
  /** Redis only: how long a held lock lives without being extended (a crashed holder's lock
   * frees itself after this). It is extended automatically while the work runs. */
  ttlMs?: number;
}

export const DEFAULT_LOCK_MAX_WAIT_MS = 120_000;

export class InProcessLock implements SessionLock {
  private readonly mutex = new KeyedMutex();
  private readonly maxWaitMs: number;

  constructor(options: LockOptions = {}) {
    this.maxWaitMs = options.maxWaitMs ?? DEFAULT_LOCK_MAX_WAIT_MS;
  }

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const release = await this.mutex.acquire(key, this.maxWaitMs);
    if (!release) throw new LockBusyError(key);
    try {
      return await work();
    } finally {
      release();
    }
  }
}
