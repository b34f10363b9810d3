/**
 * A session lock that works across processes sharing one Redis.
 *
 * Hand-written rather than the `redlock` package: redlock's stable line (4.x) has no automatic
 * extension, its 5.x line never left beta, and it implements multi-master Redlock, which one
 * Redis does not need. What we need is small: two Lua scripts and a retry loop.
 *
 * How it works:
 * - Waiters in this process queue in arrival order first (FIFO, in-process); only the head of
 *   the queue contends in Redis, so Redis sees one contender per process.
 * - Acquire: `SET lock:<key> <random token> NX PX ttl`; on failure retry with jittered
 *   exponential backoff until `maxWaitMs` has passed since the call, then `LockBusyError`.
 * - While the work runs the lease is extended every ttl/3 (compare-and-pexpire), so a long LLM
 *   call keeps the lock; a crashed holder's lock frees itself after `ttlMs`.
 * - Release and extend compare the token first: a holder whose lease expired can never free or
 *   prolong a lock someone else now holds.
 * Across processes, waiters are not served strictly in arrival order (whoever retries first
 * wins). If a lease is lost anyway (e.g. the process stalled longer than ttl), the work is not
 * interrupted; the session's version check then turns its write into a 'conflict'.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  type EngineLogger,
  LockBusyError,
  type SessionLock,
  silentLogger,
} from '../engine/ports.ts';
import { DEFAULT_LOCK_MAX_WAIT_MS, type LockOptions } from './in-process-lock.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { keys, redisKey } from './keys.ts';
import { LuaScript } from './lua-script.ts';

export const DEFAULT_LOCK_TTL_MS = 10_000;
const RETRY_MIN_MS = 25;
const RETRY_MAX_MS = 500;

const RELEASE_IF_HOLDER = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

const EXTEND_IF_HOLDER = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

export interface Lease {
  /** The full Redis key. */
  key: string;
  token: string;
}

/** Token-owned leases on Redis keys: the low-level half of the lock. */
export class RedisLeases {
  constructor(
    private readonly redis: Redis,
    readonly ttlMs: number,
  ) {}

  async tryAcquire(key: string): Promise<Lease | null> {
    const token = randomUUID();
    const set = await this.redis.set(key, token, 'PX', this.ttlMs, 'NX');
    return set === 'OK' ? { key, token } : null;
  }

  /** True if the lease was still ours and now lives another ttl. */
  async extend(lease: Lease): Promise<boolean> {
    return (await EXTEND_IF_HOLDER.run(this.redis, [lease.key], [lease.token, this.ttlMs])) === 1;
  }

  /** True if the lease was still ours and is now released. */
  async release(lease: Lease): Promise<boolean> {
    return (await RELEASE_IF_HOLDER.run(this.redis, [lease.key], [lease.token])) === 1;
  }
}

export class RedisSessionLock implements SessionLock {
  private readonly local = new KeyedMutex();
  private readonly leases: RedisLeases;
  private readonly maxWaitMs: number;

  constructor(
    redis: Redis,
    private readonly namespace: string,
    options: LockOptions = {},
    private readonly logger: EngineLogger = silentLogger,
  ) {
    this.leases = new RedisLeases(redis, options.ttlMs ?? DEFAULT_LOCK_TTL_MS);
    this.maxWaitMs = options.maxWaitMs ?? DEFAULT_LOCK_MAX_WAIT_MS;
  }

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.maxWaitMs;
    const releaseLocal = await this.local.acquire(key, this.maxWaitMs);
    if (!releaseLocal) throw new LockBusyError(key);
    try {
      const lease = await this.acquireUntil(redisKey(this.namespace, keys.lock(key)), deadline);
      if (!lease) throw new LockBusyError(key);
      const stopExtending = this.keepExtending(lease);
      try {
        return await work();
      } finally {
        stopExtending();
        await this.leases.release(lease).catch((error: unknown) => {
          // The lease expires by itself after ttl; the work's outcome matters more.
          this.logger.warn({ err: error, lock: lease.key }, 'lock release failed');
        });
      }
    } finally {
      releaseLocal();
    }
  }

  private async acquireUntil(key: string, deadline: number): Promise<Lease | null> {
    for (let attempt = 0; ; attempt++) {
      const lease = await this.leases.tryAcquire(key);
      if (lease) return lease;
      const left = deadline - Date.now();
      if (left <= 0) return null;
      await sleep(Math.min(left, backoffMs(attempt)));
    }
  }

  /** Extend the lease every ttl/3 until stopped or lost. Returns the stop function. */
  private keepExtending(lease: Lease): () => void {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const schedule = () => {
      timer = setTimeout(tick, Math.max(1, Math.floor(this.leases.ttlMs / 3)));
      timer.unref();
    };
    const tick = async () => {
      try {
        const extended = await this.leases.extend(lease);
        if (!extended) {
          this.logger.warn({ lock: lease.key }, 'lock lost while working; the write will conflict');
          return;
        }
      } catch (error) {
        // Redis hiccup: keep trying while the lease may still be alive.
        this.logger.warn({ err: error, lock: lease.key }, 'lock extension failed');
      }
      if (!stopped) schedule();
    };
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }
}

/** Exponential backoff with jitter, so contenders from several processes spread out. */
function backoffMs(attempt: number): number {
  const ceiling = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
