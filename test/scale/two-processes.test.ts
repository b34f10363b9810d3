/**
 * Two real bot processes on one Redis (each builds the app with REDIS_URL, as `npm start` does):
 * an interview moves freely between them, concurrent answers to one interview are all kept,
 * once and in order, and a message that reaches one process while the other is in the middle
 * of a turn waits for that turn (queued by the session lock), it is not dropped.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Outcome, Reply } from '../../src/engine/types.ts';
import { createStore, type StoreHandle } from '../../src/store/index.ts';
import { type FakeOpenAIServer, reply, startFakeOpenAI } from '../fakes/openai-server.ts';
import { scriptGoodLlm } from '../fakes/scripted-llm.ts';
import { deleteNamespace, redisUrl, uniqueNamespace } from '../store/redis-helpers.ts';
import { type BotProcess, ok, startBot, until } from './processes.ts';
import { candidateTexts, inOrder, unansweredMessages } from './session-checks.ts';

const KNOWLEDGE_DIR = 'test/fixtures/knowledge-mini';

function texts(replies: Reply[]): string[] {
  return replies.flatMap((r) => (r.kind === 'message' ? [r.text] : []));
}

describe.skipIf(!redisUrl)('two bot processes sharing one Redis (needs REDIS_URL)', () => {
  const namespace = uniqueNamespace('scale');
  let store: StoreHandle;
  let a: BotProcess;
  let b: BotProcess;

  beforeAll(async () => {
    const env = { REDIS_URL: redisUrl!, KNOWLEDGE_DIR };
    [a, b] = await Promise.all([startBot(env, namespace), startBot(env, namespace)]);
    store = await createStore({ redisUrl, namespace });
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await store?.close();
    const admin = new Redis(redisUrl!);
    await deleteNamespace(admin, namespace);
    await admin.quit();
  });

  it('continues on one process an interview started on the other', async () => {
    const actor = `discord:${randomUUID()}`;
    const started = ok(
      await a.execute({ actor, command: { kind: 'start', scenarioId: 'mini-recsys' } }),
    );
    const sessionId = started.sessionId!;

    ok(
      await b.execute({
        actor,
        sessionId,
        command: { kind: 'answer', text: 'How many daily active users are there?' },
      }),
    );
    ok(
      await a.execute({
        actor,
        sessionId,
        command: { kind: 'answer', text: 'We optimise watch time, not clicks.' },
      }),
    );
    const next = ok(await b.execute({ actor, sessionId, command: { kind: 'next' } }));
    expect(next.replies.some((r) => r.kind === 'stage-opened' && r.stage === 'metrics')).toBe(true);
    // The other process finds it as the candidate's active interview, without being told the id.
    const status = ok(await a.execute({ actor, command: { kind: 'status' } }));
    const view = status.replies.find((r) => r.kind === 'status');
    expect(view?.kind === 'status' && view.status.stage).toBe('metrics');

    const session = (await store.store.get(sessionId))!;
    expect(candidateTexts(session)).toEqual([
      'How many daily active users are there?',
      'We optimise watch time, not clicks.',
    ]);
    expect(unansweredMessages(session)).toEqual([]);
  });

  it('keeps concurrent answers from both processes, each once and in order', async () => {
    const actor = `slack:T1:${randomUUID()}`;
    const sessionId = ok(
      await a.execute({ actor, command: { kind: 'start', scenarioId: 'mini-recsys' } }),
    ).sessionId!;

    const fromA = Array.from(
      { length: 5 },
      (_, i) => `Point A${i + 1}: we log impressions and watch time.`,
    );
    const fromB = Array.from({ length: 5 }, (_, i) => `Point B${i + 1}: the page must stay fast.`);
    // All ten are sent at once, interleaved, without waiting for any outcome.
    const pending: Promise<Outcome>[] = [];
    for (let i = 0; i < 5; i++) {
      pending.push(a.execute({ actor, sessionId, command: { kind: 'answer', text: fromA[i]! } }));
      pending.push(b.execute({ actor, sessionId, command: { kind: 'answer', text: fromB[i]! } }));
    }
    const outcomes = await Promise.all(pending);

    for (const outcome of outcomes) expect(ok(outcome).replies.length).toBeGreaterThan(0);
    const session = (await store.store.get(sessionId))!;
    const kept = candidateTexts(session);
    expect([...kept].sort()).toEqual([...fromA, ...fromB].sort());
    // Each process's messages in the order that process received them.
    expect(inOrder(kept, fromA)).toBe(true);
    expect(inOrder(kept, fromB)).toBe(true);
    // Turns never interleaved: every message was answered before the next was taken.
    expect(unansweredMessages(session)).toEqual([]);
    expect(session.pending).toBeUndefined();
  });

  describe('a message that arrives while the other process is mid-turn', () => {
    let server: FakeOpenAIServer;
    let slow: BotProcess;
    let other: BotProcess;

    beforeAll(async () => {
      server = await startFakeOpenAI();
      // The first interviewer request is held until the client gives up (LLM_TIMEOUT_MS);
      // everything after it is answered at once.
      server.once({ schema: 'interviewer_respond' }, reply.hang());
      scriptGoodLlm(server);
      const env = {
        REDIS_URL: redisUrl!,
        KNOWLEDGE_DIR,
        OPENAI_BASE_URL: server.url,
        LLM_TIMEOUT_MS: '3000',
        LLM_MAX_RETRIES: '0',
      };
      [slow, other] = await Promise.all([startBot(env, namespace), startBot(env, namespace)]);
    });

    afterAll(async () => {
      await Promise.all([slow?.stop(), other?.stop()]);
      await server?.close();
    });

    it('waits for that turn (queued by the session lock), then is answered in order', {
      timeout: 60_000,
    }, async () => {
      const actor = `discord:${randomUUID()}`;
      const sessionId = ok(
        await slow.execute({ actor, command: { kind: 'start', scenarioId: 'mini-recsys' } }),
      ).sessionId!;

      const first = slow.execute({
        actor,
        sessionId,
        command: { kind: 'answer', text: 'First: clicks are a weak goal.' },
      });
      await until(() => server.requestsFor('interviewer_respond').length === 1);
      // The turn is now inside its LLM call, holding the session lock.
      let secondDone = false;
      const second = other
        .execute({
          actor,
          sessionId,
          command: { kind: 'answer', text: 'Second: watch time is better.' },
        })
        .finally(() => {
          secondDone = true;
        });
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Not taken yet: the first turn still holds the lock. (No claim about how long it waits.)
      expect(secondDone).toBe(false);
      expect(candidateTexts((await store.store.get(sessionId))!)).toEqual([
        'First: clicks are a weak goal.',
      ]);

      const [firstOutcome, secondOutcome] = await Promise.all([first, second]);
      // The held call timed out; the offline interviewer answered instead, and the turn completed.
      expect(texts(ok(firstOutcome).replies).length).toBeGreaterThan(0);
      expect(texts(ok(secondOutcome).replies)).toContain('Noted. Keep going.');
      const session = (await store.store.get(sessionId))!;
      expect(candidateTexts(session)).toEqual([
        'First: clicks are a weak goal.',
        'Second: watch time is better.',
      ]);
      expect(unansweredMessages(session)).toEqual([]);
    });
  });
});
