/**
 * Small JSON records by key, on whatever Keyv the store runs on (memory, sqlite, Redis). No
 * atomicity of their own: callers serialise read-modify-write with the store's lock.
 */
import type Keyv from 'keyv';

export interface RecordStore {
  get<T>(key: string): Promise<T | null>;
  set(key: string, value: unknown): Promise<void>;
}

const PREFIX = 'rec:';

export function keyvRecords(keyv: Keyv): RecordStore {
  return {
    async get<T>(key: string) {
      return ((await keyv.get<T>(PREFIX + key)) as T | undefined) ?? null;
    },
    async set(key, value) {
      await keyv.set(PREFIX + key, value);
    },
  };
}
