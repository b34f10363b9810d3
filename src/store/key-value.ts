/**
 * Small counters over fixed time windows, e.g. turns per minute or tokens per day for a user.
 * A window starts at the first increment and lasts `ttlMs`; after it the counter starts at zero.
 */
import type { Redis } from 'ioredis';
import type Keyv from 'keyv';
import { KeyedMutex } from './keyed-mutex.ts';
import { keys, redisKey } from './keys.ts';
import { LuaScript } from './lua-script.ts';

export interface WindowCount {
  /** Sum of the increments in the current window (0 when there is none). */
  total: number;
  /** Milliseconds until the window ends (0 when there is none). */
  resetsInMs: number;
}

export interface KeyValue {
  /** Add `amount` (an integer) to the counter and return the new total. Atomic across the
   * processes sharing the store on Redis, within the process otherwise. */
  incrementWindow(key: string, amount: number, ttlMs: number): Promise<number>;
  /** Read the counter without changing it (e.g. to say when to retry). */
  readWindow(key: string): Promise<WindowCount>;
}

export function assertIncrement(amount: number, ttlMs: number): void {
  if (!Number.isInteger(amount)) throw new Error(`incrementWindow: amount must be an integer`);
  if (!Number.isInteger(ttlMs) || ttlMs <= 0) {
    throw new Error(`incrementWindow: ttlMs must be a positive integer`);
  }
}

interface StoredWindow {
  total: number;
  endsAt: number;
}

/** In-process counters on a Keyv (memory, or sqlite so that daily budgets survive a restart). */
export class KeyvKeyValue implements KeyValue {
  private readonly serial = new KeyedMutex();

  constructor(
    private readonly keyv: Keyv,
    private readonly now: () => number = Date.now,
  ) {}

  async incrementWindow(key: string, amount: number, ttlMs: number): Promise<number> {
    assertIncrement(amount, ttlMs);
    const counterKey = keys.counter(key);
    return this.serial.run(counterKey, async () => {
      const now = this.now();
      const current = await this.read(counterKey, now);
      const next: StoredWindow = current
        ? { total: current.total + amount, endsAt: current.endsAt }
        : { total: amount, endsAt: now + ttlMs };
      await this.keyv.set(counterKey, next, next.endsAt - now);
      return next.total;
    });
  }

  async readWindow(key: string): Promise<WindowCount> {
    const now = this.now();
    const current = await this.read(keys.counter(key), now);
    return current ? { total: current.total, resetsInMs: current.endsAt - now } : EMPTY;
  }

  private async read(counterKey: string, now: number): Promise<StoredWindow | null> {
    const stored = await this.keyv.get<StoredWindow>(counterKey);
    return stored && stored.endsAt > now ? stored : null;
  }
}

const EMPTY: WindowCount = { total: 0, resetsInMs: 0 };

// INCRBY then set the expiry only if the key has none (a new window). A MULTI with an
// unconditional PEXPIRE would push the window's end back on every increment.
const INCREMENT_WINDOW = new LuaScript(`
local total = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return total
`);

/** Counters shared by every process on one Redis. */
export class RedisKeyValue implements KeyValue {
  constructor(
    private readonly redis: Redis,
    private readonly namespace: string,
  ) {}

  async incrementWindow(key: string, amount: number, ttlMs: number): Promise<number> {
    assertIncrement(amount, ttlMs);
    return Number(await INCREMENT_WINDOW.run(this.redis, [this.key(key)], [amount, ttlMs]));
  }

  async readWindow(key: string): Promise<WindowCount> {
    const results = await this.redis.multi().get(this.key(key)).pttl(this.key(key)).exec();
    if (!results) throw new Error('readWindow: transaction aborted');
    for (const [error] of results) if (error) throw error;
    const [[, total], [, pttl]] = results as [[null, string | null], [null, number]];
    if (total === null || pttl <= 0) return EMPTY;
    return { total: Number(total), resetsInMs: pttl };
  }

  private key(key: string): string {
    return redisKey(this.namespace, keys.counter(key));
  }
}
