/**
 * The LLM circuit breaker: a state machine on a fake clock, then the whole app against an LLM
 * host that accepts connections and never answers (a local socket), with a short timeout.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Reply } from '../../src/engine/types.ts';
import { CircuitBreaker } from '../../src/llm/breaker.ts';
import { createLogger } from '../../src/logger.ts';
import { reply, startFakeOpenAI } from '../fakes/openai-server.ts';
import { scriptGoodLlm } from '../fakes/scripted-llm.ts';

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures, stays open for the cooling period, then tries again', () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failures: 3, cooldownMs: 1_000, now: () => now });
    expect(breaker.recordFailure('connection failed')).toBe(false);
    expect(breaker.recordFailure('connection failed')).toBe(false);
    breaker.recordReply(); // a reply in between resets the count
    expect(breaker.recordFailure('connection failed')).toBe(false);
    expect(breaker.recordFailure('connection failed')).toBe(false);
    expect(breaker.recordFailure('server error (503)')).toBe(true);
    expect(breaker.allows()).toBe(false);
    expect(breaker.outage()).toEqual({ reason: 'server error (503)', since: 0, retryAt: 1_000 });
    expect(breaker.describe()).toMatch(/server error \(503\)\); tried again in 1 s/);

    now = 1_000;
    expect(breaker.outage()).toBeNull();
    expect(breaker.allows()).toBe(true); // the trial request
    expect(breaker.recordFailure('request timed out')).toBe(true); // one failure reopens it
    expect(breaker.allows()).toBe(false);
    now = 2_000;
    expect(breaker.allows()).toBe(true);
    breaker.recordReply();
    expect(breaker.outage()).toBeNull();
    expect(breaker.recordFailure('connection failed')).toBe(false); // counting from zero again
  });

  it('a timeout opens it at once', () => {
    const breaker = new CircuitBreaker({ failures: 3, cooldownMs: 1_000, now: () => 0 });
    expect(breaker.recordFailure('request timed out', { opensAtOnce: true })).toBe(true);
  });
});

/**
 * Accepts connections and reads requests, never answers: a dead-but-listening LLM host.
 * `requests()` counts the HTTP requests it received (request lines seen).
 */
async function silentHost(): Promise<{
  url: string;
  requests: () => number;
  close(): Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let count = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      count += (chunk.toString('latin1').match(/^POST \/v1\/chat\/completions HTTP/gm) ?? [])
        .length;
    });
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const messages = (replies: Reply[]) =>
  replies.flatMap((r) => (r.kind === 'message' ? [r.text] : []));

describe('an LLM host that listens but never answers', () => {
  let host: Awaited<ReturnType<typeof silentHost>>;
  beforeAll(async () => {
    host = await silentHost();
  });
  afterAll(() => host.close());

  it('costs one timeout once, then turns run offline at once and say so', async () => {
    const config = loadConfig({
      KNOWLEDGE_DIR: 'test/fixtures/knowledge-mini',
      OPENAI_BASE_URL: host.url,
      LLM_TIMEOUT_MS: '300',
      LLM_MAX_RETRIES: '2',
      LLM_BREAKER_COOLDOWN_MS: '60000',
    });
    const app = await createApp(config, {
      logger: createLogger({ level: 'silent' }),
      memoryStore: true,
    });
    try {
      const actor = 'terminal:breaker';
      const started = await app.engine.execute({
        actor,
        command: { kind: 'start', scenarioId: 'mini-recsys' },
      });
      if (!started.ok) throw new Error('start failed');
      const sessionId = started.sessionId!;
      const turn = async (text: string) => {
        const outcome = await app.engine.execute({
          actor,
          sessionId,
          command: { kind: 'answer', text },
        });
        if (!outcome.ok) throw new Error(`answer failed: ${outcome.error.code}`);
        return messages(outcome.replies);
      };

      expect(host.requests()).toBe(0);
      const first = await turn('What is the latency budget?');
      // One request, timed out, no retries: the breaker opened at once and the turn says so.
      expect(host.requests()).toBe(1);
      expect(first.at(-1)).toMatch(
        /^The LLM is not answering \(request timed out\), so the interview goes on offline/,
      );
      expect(app.describe.interviewer).toMatch(/^offline \(the LLM is not answering/);

      const second = await turn('We optimise watch time.');
      const closed = await app.engine.execute({ actor, sessionId, command: { kind: 'next' } });
      // Nothing more was sent while the breaker is open; told once per session.
      expect(host.requests()).toBe(1);
      expect(second.join(' ')).not.toMatch(/The LLM is not answering/);
      expect(closed.ok && closed.replies.length).toBeGreaterThan(0);
      const session = await app.engine.execute({ actor, sessionId, command: { kind: 'status' } });
      const status = session.ok ? session.replies.find((r) => r.kind === 'status') : undefined;
      expect(status?.kind === 'status' && status.status.interviewer).toBe('offline');
    } finally {
      await app.close();
    }
  });
});

describe('after the cooling period', () => {
  it('comes back by itself and says so', async () => {
    const server = await startFakeOpenAI();
    try {
      server.on({}, reply.serverError(503), { times: 1 });
      scriptGoodLlm(server);
      const config = loadConfig({
        KNOWLEDGE_DIR: 'test/fixtures/knowledge-mini',
        OPENAI_BASE_URL: server.url,
        LLM_MAX_RETRIES: '0',
        LLM_BREAKER_FAILURES: '1',
        LLM_BREAKER_COOLDOWN_MS: '200',
      });
      const app = await createApp(config, {
        logger: createLogger({ level: 'silent' }),
        memoryStore: true,
      });
      try {
        const actor = 'terminal:breaker-back';
        const started = await app.engine.execute({
          actor,
          command: { kind: 'start', scenarioId: 'mini-recsys' },
        });
        const sessionId = started.ok ? started.sessionId! : '';
        const answer = async (text: string) => {
          const outcome = await app.engine.execute({
            actor,
            sessionId,
            command: { kind: 'answer', text },
          });
          return outcome.ok ? messages(outcome.replies) : [];
        };
        expect((await answer('How many users?')).join(' ')).toMatch(/The LLM is not answering/);
        await new Promise((resolve) => setTimeout(resolve, 250));
        expect((await answer('We optimise watch time.')).at(-1)).toBe(
          'The LLM is answering again: the interview is LLM-driven again.',
        );
      } finally {
        await app.close();
      }
    } finally {
      await server.close();
    }
  });
});
