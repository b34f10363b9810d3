/**
 * The embedded default: a Keyv on one sqlite file (@keyv/sqlite), for ONE process.
 * The file is opened in exclusive locking mode and written once at open, so this process holds
 * sqlite's own lock on it until it exits (the OS frees it even after kill -9): a second process
 * is refused at start-up with a clear message instead of silently losing writes (the in-process
 * mutexes cannot coordinate two processes).
 * WAL with synchronous=NORMAL: a committed write survives the process being killed (kill -9);
 * a power cut may lose the last moments. Each put is committed before it resolves.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { SetupError } from '../../setup-error.ts';
import { messageOf } from './error-message.ts';
import { plainJson } from './json-serializer.ts';
import type { EngineLogger } from '../../engine/ports.ts';
import { keys } from '../keys.ts';

const TABLE = 'keyv';
const BUSY_TIMEOUT_MS = 5_000;
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
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw cannotCreateFolder(path, error);
  }
  // busyTimeout: wait for another connection's write instead of failing with SQLITE_BUSY.
  const adapter = new KeyvSqlite({
    uri: `sqlite://${path}`,
    table: TABLE,
    busyTimeout: BUSY_TIMEOUT_MS,
  });
  const keyv = new Keyv(adapter, { namespace, throwOnErrors: true, ...plainJson });
  // Before the file is open, a failure is the start-up error below, not a log line too.
  let opened = false;
  keyv.on('error', (error: unknown) => {
    if (opened) logger.error({ err: error, path }, 'sqlite store error');
  });
  try {
    await adapter.query('PRAGMA locking_mode = EXCLUSIVE');
    await adapter.query('PRAGMA journal_mode = WAL');
    await adapter.query('PRAGMA synchronous = NORMAL');
    // Take the lock now, without waiting: another process holding it means refusal.
    await adapter.query('PRAGMA busy_timeout = 0');
    await adapter.query('BEGIN IMMEDIATE');
    await adapter.query('COMMIT');
    await adapter.query(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    opened = true;
  } catch (error) {
    await adapter.disconnect().catch(() => {});
    if (/SQLITE_BUSY|database is locked/i.test(messageOf(error))) throw inUse(path, error);
    throw new SetupError({
      setting: 'DATABASE_PATH',
      problem: `cannot open the sqlite file ${path} (${messageOf(error)})`,
      fix: 'point DATABASE_PATH at a file in a folder you can write to, e.g. ./data/ml-interviewer.sqlite',
      cause: error,
    });
  }

  const expiringPrefixes = [
    keys.claim(''),
    keys.counter(''),
    keys.header(''),
    keys.turn('', 0).slice(0, 'turn:'.length),
    keys.place(''),
    keys.sessionPlaces(''),
  ].map((k) => `${namespace}:${k}`);
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
  // Kept so close() waits for a sweep in progress instead of closing the handle under it.
  let sweeping = sweep();
  const timer = setInterval(() => {
    sweeping = sweep();
  }, SWEEP_EVERY_MS);
  timer.unref();

  return {
    keyv,
    path,
    sweepExpired,
    close: async () => {
      clearInterval(timer);
      await sweeping;
      await keyv.disconnect();
    },
  };
}

/** Another process has the file open: sqlite serves one process. */
function inUse(path: string, error: unknown): SetupError {
  return new SetupError({
    setting: 'DATABASE_PATH',
    problem: `the sqlite file ${path} is in use by another process, and a sqlite file serves one process only`,
    fix: 'stop the other process, point DATABASE_PATH at another file, or for several processes set DATABASE_URL (PostgreSQL) and REDIS_URL',
    cause: error,
  });
}

/** The folder for the sqlite file cannot be made: say which part of DATABASE_PATH is wrong. */
function cannotCreateFolder(path: string, error: unknown): SetupError {
  const code = (error as NodeJS.ErrnoException).code;
  const folder = dirname(path);
  const problem =
    code === 'ENOTDIR' || code === 'EEXIST'
      ? `part of the folder ${folder} is a file, not a folder`
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? `cannot create the folder ${folder}: ${code === 'EROFS' ? 'the file system is read-only' : 'permission denied'} (${code})`
        : `cannot create the folder ${folder} (${code ?? messageOf(error)})`;
  return new SetupError({
    setting: 'DATABASE_PATH',
    problem: `${problem}, so the sqlite file ${path} cannot be created`,
    fix: 'point DATABASE_PATH at a file in a folder you can write to, e.g. ./data/ml-interviewer.sqlite',
    cause: error,
  });
}
