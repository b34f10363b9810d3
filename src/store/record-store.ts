/**
 * A small key → JSON record port for things that are neither sessions nor counters, e.g. the
 * Slack installations (one bot token per workspace). Durable wherever the store is: the sqlite
 * file, Redis; memory in tests. A PostgreSQL store implements it with a key/value table.
 */
import type Keyv from 'keyv';

import type { RecordStore } from '../engine/ports.ts';

export type { RecordStore };

/** Records on the store's Keyv (memory, sqlite or Redis), under its namespace; never expire. */
export class KeyvRecords implements RecordStore {
  constructor(private readonly keyv: Keyv) {}

  async get<T>(key: string): Promise<T | null> {
    return ((await this.keyv.get<T>(recordKey(key))) as T | undefined) ?? null;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.keyv.set(recordKey(key), value);
  }

  async delete(key: string): Promise<void> {
    await this.keyv.delete(recordKey(key));
  }
}

function recordKey(key: string): string {
  return `record:${key}`;
}

/** The part of an ioredis client the Redis records use. */
interface RedisStrings {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
  del(key: string): Promise<number>;
}

/** Records in Redis as JSON strings under the store's namespace; never expire. */
export class RedisRecords implements RecordStore {
  constructor(
    private readonly redis: RedisStrings,
    private readonly namespace: string,
  ) {}

  async get<T>(key: string): Promise<T | null> {
    const raw = await this.redis.get(this.key(key));
    return raw === null ? null : (JSON.parse(raw) as T);
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.redis.set(this.key(key), JSON.stringify(value));
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.key(key));
  }

  private key(key: string): string {
    return `${this.namespace}:${recordKey(key)}`;
  }
}
