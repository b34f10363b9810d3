/**
 * The embedded default: a Keyv on one sqlite file (@keyv/sqlite).
 * WAL with synchronous=NORMAL: a committed write survives the process being killed (kill -9);
 * a power cut may lose the last moments. Each put is committed before it resolves.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { messageOf } from './error-message.ts';
import { plainJson } from './json-serializer.ts';
import type { EngineLogger } from '../../engine/ports.ts';
import { keys } from '../keys.ts';

const TABLE = 'keyv';
/** sqlite has no expiry: expired claims and counters are deleted by a periodic sweep. */
const SWEEP_EVERY_MS = 10 * 60_000;

export interface SqliteBackend {
  keyv: Keyv;
  path: string;
  /** Delete expired claimOnce markers and counters. */
  sweepExpired(): Promise<void>;
  close(): Promise<void>;
}

export async function openSqlite(
  databasePath: string,
  namespace: string,
  logger: EngineLogger,
): Promise<SqliteBackend> {
  const path = resolve(databasePath);
  await mkdir(dirname(path), { recursive: true });
  // busyTimeout: wait for another connection's write instead of failing with SQLITE_BUSY.
  const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, table: TABLE, busyTimeout: 5_000 });
  const keyv = new Keyv(adapter, { namespace, throwOnErrors: true, ...plainJson });
  keyv.on('error', (error: unknown) => logger.error({ err: error, path }, 'sqlite store error'));
  try {
    await adapter.query('PRAGMA journal_mode = WAL');
    await adapter.query('PRAGMA synchronous = NORMAL');
  } catch (error) {
    await adapter.disconnect().catch(() => {});
    throw new Error(`cannot open the sqlite database at ${path}: ${messageOf(error)}`);
  }

  const expiringPrefixes = [keys.claim(''), keys.counter('')].map((k) => `${namespace}:${k}`);
  const sweepExpired = async () => {
    for (const prefix of expiringPrefixes) {
      await adapter.query(
        `DELETE FROM ${TABLE} WHERE substr(key, 1, ?) = ? AND json_extract(value, '$.expires') < ?`,
        prefix.length,
        prefix,
        Date.now(),
      );
    }
  };
  const sweep = () =>
    sweepExpired().catch((error: unknown) =>
      logger.warn({ err: error, path }, 'sweeping expired sqlite entries failed'),
    );
  void sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();

  return {
    keyv,
    path,
    sweepExpired,
    close: async () => {
      clearInterval(timer);
      await keyv.disconnect();
    },
  };
}
