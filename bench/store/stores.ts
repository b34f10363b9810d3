/**
 * The four stores for the store benchmark, each opened with `createStore` as the app opens it,
 * in a throwaway place (temporary sqlite file, own Redis namespace, own PostgreSQL schema), with
 * a meter on what each write sends (header + new turns, as JSON) and a way to read what the
 * store holds (sqlite file size, Redis MEMORY USAGE, PostgreSQL relation sizes).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createStore, type StoreHandle, type StoreKind } from '../../src/store/index.ts';
import { keys, redisKey } from '../../src/store/keys.ts';
import type { LogSessionStore } from '../../src/store/log-session-store.ts';
import type { Commit } from '../../src/store/session-log.ts';
import { deleteRedisNamespace } from '../engine/stores.ts';

export interface MeteredStore {
  kind: StoreKind;
  handle: StoreHandle;
  /** Bytes every write so far sent to the store (header + new turns + summary, JSON). */
  bytesSent(): number;
  /** Bytes the store holds now for everything written (where the store can say). */
  footprint(sessionIds: string[]): Promise<number | null>;
  cleanup(): Promise<void>;
}

export interface BenchUrls {
  redisUrl?: string;
  databaseUrl?: string;
}

function meter(handle: StoreHandle): () => number {
  let sent = 0;
  const { log } = handle.store as LogSessionStore;
  const commit = log.commit.bind(log);
  log.commit = (c: Commit) => {
    sent +=
      Buffer.byteLength(JSON.stringify(c.header)) + Buffer.byteLength(JSON.stringify(c.newTurns));
    if (c.summary) sent += Buffer.byteLength(JSON.stringify(c.summary));
    return commit(c);
  };
  return () => sent;
}

export async function openMetered(kind: StoreKind, urls: BenchUrls): Promise<MeteredStore> {
  const retentionDays = 0;
  if (kind === 'memory') {
    const handle = await createStore({ memory: true, retentionDays });
    return {
      kind,
      handle,
      bytesSent: meter(handle),
      footprint: async () => null,
      cleanup: () => handle.close(),
    };
  }
  if (kind === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'mli-bench-store-'));
    const path = join(dir, 'bench.sqlite');
    const handle = await createStore({ databasePath: path, retentionDays });
    const size = async (file: string) => (await stat(file).catch(() => ({ size: 0 }))).size;
    return {
      kind,
      handle,
      bytesSent: meter(handle),
      footprint: async () => (await size(path)) + (await size(`${path}-wal`)),
      cleanup: async () => {
        await handle.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  if (kind === 'redis') {
    const redisUrl = urls.redisUrl!;
    const namespace = `mli-bench-store-${process.pid}-${randomUUID().slice(0, 8)}`;
    const handle = await createStore({ redisUrl, namespace, retentionDays });
    const admin = new Redis(redisUrl);
    return {
      kind,
      handle,
      bytesSent: meter(handle),
      footprint: async (ids) => {
        let total = 0;
        for (const id of ids) {
          for (const key of [keys.header(id), keys.version(id), keys.turns(id)]) {
            total += Number((await admin.memory('USAGE', redisKey(namespace, key))) ?? 0);
          }
        }
        return total;
      },
      cleanup: async () => {
        await handle.close();
        await admin.quit();
        await deleteRedisNamespace(redisUrl, namespace);
      },
    };
  }
  const databaseUrl = urls.databaseUrl!;
  const schema = `mli_bench_${process.pid}_${randomUUID().slice(0, 8)}`;
  const handle = await createStore({
    databaseUrl,
    databaseSchema: schema,
    redisUrl: urls.redisUrl,
    namespace: schema,
    retentionDays,
  });
  const admin = new pg.Client({
    connectionString: databaseUrl,
    options: `-c search_path=${schema}`,
  });
  await admin.connect();
  return {
    kind,
    handle,
    bytesSent: meter(handle),
    footprint: async () => {
      const { rows } = await admin.query<{ bytes: string }>(
        `SELECT pg_total_relation_size('interviews') + pg_total_relation_size('interview_turns') AS bytes`,
      );
      return Number(rows[0]!.bytes);
    },
    cleanup: async () => {
      await handle.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
      if (urls.redisUrl) await deleteRedisNamespace(urls.redisUrl, schema);
    },
  };
}
