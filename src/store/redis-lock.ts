/**
 * A session lock that works across processes sharing one Redis.
 *
 * Hand-written rather than the `redlock` package: redlock's stable line (4.x) has no automatic
 * extension, its 5.x line never left beta, and it implements multi-master Redlock, which one
 * Redis does not need. What we need is small: three Lua scripts and a retry loop.
 *
 * How it works:
 * - Waiters in this process queue in arrival order first (FIFO, in-process); only the head of
 *   the queue contends in Redis, so Redis sees one contender per process.
 * - Acquire: set `lock:<key>` to a random token with a ttl, if it is free. A contender that
 *   finds it busy records itself as next in line (`lock-next:<key>`, if nobody is) and retries
 *   with jittered exponential backoff; while someone is next in line, nobody else may take the
 *   free lock. Without this a busy process re-took the lock it had just released every time,
 *   while the other process slept in its backoff, until that one gave up. After `maxWaitMs`
 *   since the call, the waiter leaves the line and gets `LockBusyError`.
 * - While the work runs the lease is extended every ttl/3 (compare-and-pexpire), so a long LLM
 *   call keeps the lock; a crashed holder's lock frees itself after `ttlMs`, a crashed
 *   waiter's place in line after NEXT_IN_LINE_TTL_MS.
 * - Release and extend compare the token first: a holder whose lease expired can never free or
 *   prolong a lock someone else now holds.
 * Fairness across processes is approximate (one place in line, not a queue). If a lease is
 * lost anyway (e.g. the process stalled longer than ttl), the work is not interrupted; the
 * session's version check then turns its write into a 'conflict'.
 */
import { setTimeout as sleep } from 'node:timers/promises';
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
const RETRY_MIN_MS = 20;
const RETRY_MAX_MS = 250;
/** Longer than the longest backoff, so a live waiter renews its place before it lapses. */
const NEXT_IN_LINE_TTL_MS = 4 * RETRY_MAX_MS;

// KEYS: lock, next-in-line. ARGV: token, lock ttl, next-in-line ttl.
const ACQUIRE_OR_LINE_UP = new LuaScript(`
local next = redis.call('GET', KEYS[2])
local mine = (not next) or next == ARGV[1]
if mine and redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  if next then redis.call('DEL', KEYS[2]) end
  return 1
end
if mine then redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3]) end
return 0
`);

const RELEASE_IF_HOLDER = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

const EXTEND_IF_HOLDER = new LuaScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`);

export interface Lease {
  /** The full Redis key of the lock. */
  key: string;
  token: string;
}

/** Full Redis keys of one lock and of its next-in-line marker. */
export interface LockKeys {
  key: string;
  nextKey: string;
}

/** Token-owned leases on Redis keys: the low-level half of the lock. */
export class RedisLeases {
  constructor(
    private readonly redis: Redis,
    readonly ttlMs: number,
  ) {}

  /** Take the lock for `token` if it is free and nobody else is next in line; otherwise
   * become next in line if that place is free. Retry with the same token. */
  async tryAcquire({ key, nextKey }: LockKeys, token: string): Promise<Lease | null> {
    const taken = await ACQUIRE_OR_LINE_UP.run(
      this.redis,
      [key, nextKey],
      [token, this.ttlMs, NEXT_IN_LINE_TTL_MS],
    );
    return taken === 1 ? { key, token } : null;
  }

  /** Leave the line (a waiter that gives up), if `token` is the one in it. */
  async leaveLine({ nextKey }: LockKeys, token: string): Promise<void> {
    await RELEASE_IF_HOLDER.run(this.redis, [nextKey], [token]);
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
      const lease = await this.acquireUntil(
        {
          key: redisKey(this.namespace, keys.lock(key)),
          nextKey: redisKey(this.namespace, keys.lockNext(key)),
        },
        deadline,
      );
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

  private async acquireUntil(lock: LockKeys, deadline: number): Promise<Lease | null> {
    const token = randomUUID();
    for (let attempt = 0; ; attempt++) {
      const lease = await this.leases.tryAcquire(lock, token);
      if (lease) return lease;
      const left = deadline - Date.now();
      if (left <= 0) {
        await this.leases.leaveLine(lock, token);
        return null;
      }
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
