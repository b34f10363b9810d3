/**
 * The store for sessions, locks and counters, chosen from configuration:
 * memory when asked (tests), Redis when `redisUrl` is set (many processes), otherwise the
 * sqlite file (the embedded default).
 */
import type Keyv from 'keyv';
import {
  type EngineLogger,
  type SessionLock,
  type SessionStore,
  silentLogger,
} from '../engine/ports.ts';
import { createMemoryKeyv } from './backends/memory.ts';
import { openRedis, redactUrl } from './backends/redis.ts';
import { openSqlite } from './backends/sqlite.ts';
import { InProcessLock, type LockOptions } from './in-process-lock.ts';
import { type KeyValue, KeyvKeyValue, RedisKeyValue } from './key-value.ts';
import { KeyvSessionStore } from './keyv-session-store.ts';
import { keyvRecords, type RecordStore } from './records.ts';
import { RedisSessionLock } from './redis-lock.ts';
import { RedisSessionStore } from './redis-session-store.ts';

export type { WindowCount } from './key-value.ts';
export { LockBusyError } from '../engine/ports.ts';
export type { KeyValue, LockOptions, RecordStore };

export type StoreKind = 'memory' | 'sqlite' | 'redis';

export interface StoreOptions {
  redisUrl?: string;
  /** The sqlite file; its folder is created. */
  databasePath?: string;
  /** Keep everything in this process's memory (unit tests). Wins over the others. */
  memory?: boolean;
  /** Prefix of every key, so several apps (or test runs) can share one Redis. */
  namespace?: string;
  lock?: LockOptions;
  logger?: EngineLogger;
}

export interface StoreHandle {
  store: SessionStore;
  lock: SessionLock;
  /** Window counters (per-user turn rates, daily token budgets). */
  counters: KeyValue;
  /** Small JSON records by key (per-candidate practice index), on the same backend. */
  records: RecordStore;
  kind: StoreKind;
  /** One line for start-up logs, e.g. `sqlite /abs/path.sqlite`. Never includes a password. */
  describe(): string;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_PATH = './data/ml-interviewer.sqlite';
export const DEFAULT_NAMESPACE = 'ml-interviewer';

export async function createStore(options: StoreOptions = {}): Promise<StoreHandle> {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  const logger = options.logger ?? silentLogger;

  if (options.memory) {
    return storeOnKeyv(createMemoryKeyv(namespace), {
      kind: 'memory',
      description: 'memory (nothing is kept after exit)',
      lock: options.lock,
      close: async () => {},
    });
  }

  if (options.redisUrl) {
    const backend = await openRedis(options.redisUrl, namespace, logger);
    return {
      store: new RedisSessionStore(backend.keyv, backend.redis, namespace),
      lock: new RedisSessionLock(backend.redis, namespace, options.lock, logger),
      counters: new RedisKeyValue(backend.redis, namespace),
      records: keyvRecords(backend.keyv),
      kind: 'redis',
      describe: () => `redis ${redactUrl(options.redisUrl!)} (namespace ${namespace})`,
      close: backend.close,
    };
  }

  const sqlite = await openSqlite(options.databasePath ?? DEFAULT_DATABASE_PATH, namespace, logger);
  return storeOnKeyv(sqlite.keyv, {
    kind: 'sqlite',
    description: `sqlite ${sqlite.path}`,
    lock: options.lock,
    close: sqlite.close,
  });
}

/** A single-process store on any Keyv created with `throwOnErrors: true`. */
export function storeOnKeyv(
  keyv: Keyv,
  parts: { kind: StoreKind; description: string; lock?: LockOptions; close(): Promise<void> },
): StoreHandle {
  return {
    store: new KeyvSessionStore(keyv),
    lock: new InProcessLock(parts.lock),
    counters: new KeyvKeyValue(keyv),
    records: keyvRecords(keyv),
    kind: parts.kind,
    describe: () => parts.description,
    close: parts.close,
  };
}
