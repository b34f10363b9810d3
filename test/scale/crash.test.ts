/**
 * kill -9 in the middle of a turn — while the local LLM server is holding the interviewer's
 * request — and restart, with the sqlite store and with Redis. The candidate's message was saved
 * before any LLM work, so nothing is lost: the restarted process completes the interrupted turn
 * (saying so plainly) before the candidate's next message, and the interview goes on.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/engine/types.ts';
import { createStore, type StoreHandle } from '../../src/store/index.ts';
import { type FakeOpenAIServer, reply, startFakeOpenAI } from '../fakes/openai-server.ts';
import { scriptGoodLlm } from '../fakes/scripted-llm.ts';
import { deleteNamespace, redisUrl, uniqueNamespace } from '../store/redis-helpers.ts';
import { ok, startBot, until } from './processes.ts';
import { candidateTexts, unansweredMessages } from './session-checks.ts';

const RESUMED = 'Picking up your earlier message, which was interrupted:';
const FIRST = 'We should optimise long-term watch time rather than clicks.';
const SECOND = 'For metrics I would track watch time per session online.';

interface Backend {
  env: Record<string, string>;
  namespace: string;
  open(): Promise<StoreHandle>;
  cleanup(): Promise<void>;
}

function crashAndRestart(makeBackend: () => Promise<Backend>) {
  let backend: Backend;
  let server: FakeOpenAIServer;
  /** Reads the session through a store of its own, closed at once: a sqlite file serves one
   * process at a time, so the test reads only while no bot process has it open. */
  const read = async (sessionId: string) => {
    const store: StoreHandle = await backend.open();
    try {
      return (await store.store.get(sessionId))!;
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    backend = await makeBackend();
    server = await startFakeOpenAI();
    // The first interviewer request never gets an answer: the process is killed while waiting.
    server.once({ schema: 'interviewer_respond' }, reply.hang());
    scriptGoodLlm(server);
  });

  afterAll(async () => {
    await server?.close();
    await backend?.cleanup();
  });

  // Generous: with Redis the restarted process first waits out the dead holder's lock (10 s).
  it('loses nothing: the restarted process completes the turn, says so, and the interview goes on', {
    timeout: 90_000,
  }, async () => {
    const env = {
      ...backend.env,
      KNOWLEDGE_DIR: 'test/fixtures/knowledge-mini',
      OPENAI_BASE_URL: server.url,
      // Long enough that the held request is still in flight when the process is killed.
      LLM_TIMEOUT_MS: '60000',
    };
    const actor = `terminal:${randomUUID()}`;
    const first = await startBot(env, backend.namespace);
    const sessionId = ok(
      await first.execute({ actor, command: { kind: 'start', scenarioId: 'mini-recsys' } }),
    ).sessionId!;
    const lost = first.execute({ actor, sessionId, command: { kind: 'answer', text: FIRST } });
    lost.catch(() => {});
    await until(() => server.requestsFor('interviewer_respond').length === 1);
    await first.kill9();
    await expect(lost).rejects.toThrow(/exited/);

    // On disk / in Redis: the message, marked as a turn still to complete.
    const saved = await read(sessionId);
    expect(candidateTexts(saved)).toEqual([FIRST]);
    expect(saved.pending?.turnId).toBe(saved.turns.find((t) => t.text === FIRST)?.id);

    const second = await startBot(env, backend.namespace);
    try {
      const resumed = ok(
        await second.execute({ actor, sessionId, command: { kind: 'answer', text: SECOND } }),
      );
      const messages = resumed.replies.flatMap((r: Reply) => (r.kind === 'message' ? [r] : []));
      // First the plain note, then the interviewer's answer to the interrupted message, then to
      // the new one.
      expect(messages[0]).toMatchObject({ from: 'system', text: RESUMED });
      expect(messages.filter((m) => m.from === 'interviewer').length).toBeGreaterThanOrEqual(2);

      const next = ok(await second.execute({ actor, sessionId, command: { kind: 'next' } }));
      expect(next.replies.some((r) => r.kind === 'stage-opened' && r.stage === 'metrics')).toBe(
        true,
      );
    } finally {
      await second.stop();
    }
    const session = await read(sessionId);
    expect(candidateTexts(session)).toEqual([FIRST, SECOND]);
    expect(unansweredMessages(session)).toEqual([]);
    expect(session.pending).toBeUndefined();
  });
}

describe('kill -9 mid-turn with the sqlite store', () => {
  crashAndRestart(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mli-crash-'));
    const databasePath = join(dir, 'interviews.sqlite');
    return {
      env: { DATABASE_PATH: databasePath },
      namespace: 'ml-interviewer',
      open: () => createStore({ databasePath }),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  });
});

describe.skipIf(!redisUrl)('kill -9 mid-turn with the Redis store (needs REDIS_URL)', () => {
  crashAndRestart(async () => {
    const namespace = uniqueNamespace('crash');
    return {
      env: { REDIS_URL: redisUrl! },
      namespace,
      open: () => createStore({ redisUrl, namespace }),
      cleanup: async () => {
        const admin = new Redis(redisUrl!);
        await deleteNamespace(admin, namespace);
        await admin.quit();
      },
    };
  });
});
