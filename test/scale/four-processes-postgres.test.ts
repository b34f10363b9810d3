/**
 * Four real bot processes on one PostgreSQL (the interviews) and one Redis (locks, guards):
 * each builds the app from its environment as `npm start` does. They answer the same
 * interviews at the same time — and the same platform message delivered to two processes
 * (a retry) — and every answer is kept exactly once: none lost, none duplicated, each process's
 * answers in the order it received them, every answer answered before the next was taken.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/engine/types.ts';
import { createStore, type StoreHandle } from '../../src/store/index.ts';
import { databaseUrl, dropSchemas, uniqueSchema } from '../store/postgres-helpers.ts';
import { deleteNamespace, redisUrl, uniqueNamespace } from '../store/redis-helpers.ts';
import { type BotProcess, ok, startBot } from './processes.ts';
import { candidateTexts, inOrder, unansweredMessages } from './session-checks.ts';

const KNOWLEDGE_DIR = 'test/fixtures/knowledge-mini';
const PROCESSES = 4;
const INTERVIEWS = 3;
const ANSWERS_PER_PROCESS = 4;

describe.skipIf(!databaseUrl || !redisUrl)(
  'four bot processes on one PostgreSQL + Redis (needs DATABASE_URL and REDIS_URL)',
  () => {
    const namespace = uniqueNamespace('pg4');
    const schema = uniqueSchema('four');
    let store: StoreHandle;
    let bots: BotProcess[] = [];

    beforeAll(async () => {
      const env = {
        DATABASE_URL: databaseUrl!,
        DATABASE_SCHEMA: schema,
        REDIS_URL: redisUrl!,
        KNOWLEDGE_DIR,
      };
      // One first, so the others find the schema migrated (they would wait on its lock anyway).
      bots = [await startBot(env, namespace)];
      bots.push(
        ...(await Promise.all(
          Array.from({ length: PROCESSES - 1 }, () => startBot(env, namespace)),
        )),
      );
      store = await createStore({ databaseUrl, databaseSchema: schema, redisUrl, namespace });
    }, 120_000);

    afterAll(async () => {
      await Promise.all(bots.map((b) => b.stop()));
      await store?.close();
      await dropSchemas(schema);
      const admin = new Redis(redisUrl!);
      await deleteNamespace(admin, namespace);
      await admin.quit();
    });

    it('keeps every concurrent answer once, in order, with no duplicate from a redelivery', {
      timeout: 180_000,
    }, async () => {
      const interviews = await Promise.all(
        Array.from({ length: INTERVIEWS }, async (_, n) => {
          const actor = `slack:T1:${randomUUID()}`;
          const started = ok(
            await bots[n % PROCESSES]!.execute({
              actor,
              command: { kind: 'start', scenarioId: 'mini-recsys' },
            }),
          );
          return { actor, sessionId: started.sessionId! };
        }),
      );

      const sent = new Map<string, string[][]>();
      const pending: Promise<Outcome>[] = [];
      for (const { actor, sessionId } of interviews) {
        const perProcess = bots.map((_, p) =>
          Array.from(
            { length: ANSWERS_PER_PROCESS },
            (_, i) => `P${p} answer ${i}: we log watch time.`,
          ),
        );
        sent.set(sessionId, perProcess);
        for (let i = 0; i < ANSWERS_PER_PROCESS; i++) {
          for (const [p, bot] of bots.entries()) {
            const messageId = `${sessionId}-${p}-${i}`;
            const command = { kind: 'answer' as const, text: perProcess[p]![i]!, messageId };
            pending.push(bot.execute({ actor, sessionId, command }));
            // The platform retries the first answer of each process on the next process.
            if (i === 0)
              pending.push(bots[(p + 1) % PROCESSES]!.execute({ actor, sessionId, command }));
          }
        }
      }
      const outcomes = await Promise.all(pending);
      for (const outcome of outcomes) expect(outcome.ok).toBe(true);

      for (const { sessionId } of interviews) {
        const session = (await store.store.get(sessionId))!;
        const kept = candidateTexts(session);
        const perProcess = sent.get(sessionId)!;
        expect([...kept].sort()).toEqual(perProcess.flat().sort());
        for (const texts of perProcess) expect(inOrder(kept, texts)).toBe(true);
        expect(new Set(session.turns.map((t) => t.id)).size).toBe(session.turns.length);
        expect(unansweredMessages(session)).toEqual([]);
        expect(session.pending).toBeUndefined();
      }
    });
  },
);
