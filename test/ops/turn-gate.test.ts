/**
 * The process turn gate through the real engine and composition root (memory store, the
 * rule-based interviewer held at will): the LLM work bound ("busy, retry in …" at once, in both
 * languages), draining for shutdown (turns in flight finish; past the deadline they are cut and
 * the candidate is asked to resend; new turns are refused), the ops endpoints and metrics, and
 * the per-turn log line (no answer text unless LOG_ANSWER_TEXT=true).
 */
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { InterviewerContext } from '../../src/engine/ports.ts';
import { describeError } from '../../src/engine/messages.ts';
import type { Outcome } from '../../src/engine/types.ts';
import { OfflineInterviewer } from '../../src/interviewer/rule-based-interviewer.ts';
import { startOpsServer } from '../../src/ops/http.ts';

const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../fixtures/knowledge-mini');

/** The rule-based interviewer, but each answer waits until the test releases it. */
class HeldInterviewer extends OfflineInterviewer {
  readonly waiting: (() => void)[] = [];
  override async respond(context: InterviewerContext) {
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    return super.respond(context);
  }
  releaseAll() {
    for (const release of this.waiting.splice(0)) release();
  }
  async whenWaiting(n: number) {
    while (this.waiting.length < n) await new Promise((r) => setTimeout(r, 5));
  }
}

function logSink() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

async function setup(env: Record<string, string> = {}) {
  const interviewer = new HeldInterviewer();
  const sink = logSink();
  const config = loadConfig({ KNOWLEDGE_DIR, ...env });
  const app = await createApp(config, { logger: sink.logger, memoryStore: true, interviewer });
  const start = async (actor: string, lang: 'en' | 'zh' = 'en') => {
    const sessionId = `test:${actor}`;
    const outcome = await app.engine.execute({
      actor,
      sessionId,
      command: { kind: 'start', scenarioId: 'mini-recsys', lang },
    });
    expect(outcome.ok).toBe(true);
    return sessionId;
  };
  const answer = (actor: string, sessionId: string, text = 'Who are the users?') =>
    app.engine.execute({ actor, sessionId, command: { kind: 'answer', text } });
  return { app, interviewer, start, answer, logs: sink.lines };
}

function errorCode(outcome: Outcome): string | null {
  return outcome.ok ? null : outcome.error.code;
}

describe('LLM work bound', () => {
  it('beyond LLM_MAX_CONCURRENT + LLM_MAX_QUEUE turns, a candidate is told at once to retry later', async () => {
    const { app, interviewer, start, answer } = await setup({
      LLM_MAX_CONCURRENT: '1',
      LLM_MAX_QUEUE: '1',
    });
    try {
      const a = await start('a');
      const b = await start('b');
      const c = await start('c', 'zh');
      const first = answer('a', a);
      const second = answer('b', b);
      await interviewer.whenWaiting(2);
      expect(app.ops.gate.llmTurnsInFlight).toBe(2);

      const third = await answer('c', c);
      expect(errorCode(third)).toBe('overloaded');
      if (!third.ok) {
        expect(third.lang).toBe('zh');
        expect(
          Number(
            (third.error.params as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds,
          ),
        ).toBeGreaterThanOrEqual(5);
        expect(describeError(third.error, 'zh')).toMatch(/秒后再发送/);
        expect(describeError(third.error, 'en')).toMatch(/send it again in about \d+ seconds/);
      }
      // Commands without LLM work still go through.
      const status = await app.engine.execute({
        actor: 'c',
        sessionId: c,
        command: { kind: 'status' },
      });
      expect(status.ok).toBe(true);

      interviewer.releaseAll();
      expect((await first).ok).toBe(true);
      expect((await second).ok).toBe(true);
      // Room again: the third candidate's answer is taken now.
      const retried = answer('c', c);
      await interviewer.whenWaiting(1);
      interviewer.releaseAll();
      expect((await retried).ok).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('draining for shutdown', () => {
  it('lets a quick turn finish, refuses new ones, cuts the one past the deadline', async () => {
    const { app, interviewer, start, answer } = await setup();
    try {
      const a = await start('a');
      const b = await start('b');
      const slow = answer('a', a);
      await interviewer.whenWaiting(1);

      const drained = app.ops.gate.drain(300);
      // New turns are refused while draining, and /readyz says not ready.
      expect(errorCode(await answer('b', b))).toBe('restarting');
      expect(app.ops.readiness().ready).toBe(false);

      const outcome = await slow;
      expect(errorCode(outcome)).toBe('restarting');
      if (!outcome.ok) {
        expect((outcome.error.params as { resend?: 1 } | undefined)?.resend).toBe(1);
        expect(describeError(outcome.error, 'en')).toMatch(/cut off.*send it again/);
        expect(describeError(outcome.error, 'zh')).toMatch(/再发送一次/);
      }
      expect(await drained).toEqual({ finished: 0, cut: 1 });
      interviewer.releaseAll();
    } finally {
      await app.close();
    }
  });

  it('a turn that ends before the deadline is shown in full', async () => {
    const { app, interviewer, start, answer } = await setup();
    try {
      const a = await start('a');
      const turn = answer('a', a);
      await interviewer.whenWaiting(1);
      const drained = app.ops.gate.drain(60_000);
      interviewer.releaseAll();
      expect((await turn).ok).toBe(true);
      expect(await drained).toEqual({ finished: 1, cut: 0 });
    } finally {
      await app.close();
    }
  });
});

describe('ops endpoints, metrics and the per-turn log line', () => {
  it('serves /healthz, /readyz and /metrics with turn, store and queue figures', async () => {
    const { app, interviewer, start, answer, logs } = await setup();
    const server = await startOpsServer(app.ops, 0, '127.0.0.1');
    try {
      const a = await start('a');
      const turn = answer('a', a, 'My secret answer text');
      await interviewer.whenWaiting(1);
      interviewer.releaseAll();
      await turn;

      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: 'ready',
        checks: { store: { ok: true }, llm: { ok: true }, accepting: { ok: true } },
      });
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/interviewer_turns_total\{command="answer",outcome="ok"\} 1/);
      expect(metrics).toMatch(/interviewer_turn_duration_seconds_count\{command="answer"\} 1/);
      expect(metrics).toMatch(/interviewer_store_duration_seconds_count\{operation="get"\} \d+/);
      expect(metrics).toMatch(/interviewer_llm_queue_depth 0/);
      expect(metrics).toMatch(/interviewer_live_interviews 1/);
      expect(metrics).toMatch(/interviewer_store_up 1/);
      expect((await fetch(`${base}/nothing`)).status).toBe(404);

      const line = logs.find((l) => l.msg === 'turn' && l.command === 'answer');
      expect(line).toMatchObject({ interview: a, outcome: 'ok', stage: expect.any(String) });
      expect(line?.latencyMs).toEqual(expect.any(Number));
      expect(line?.move).toEqual(expect.any(String));
      expect(JSON.stringify(logs)).not.toContain('My secret answer text');
    } finally {
      await server.close();
      await app.close();
    }
  });

  it('puts the answer text in the log line only with LOG_ANSWER_TEXT=true', async () => {
    const { app, interviewer, start, answer, logs } = await setup({ LOG_ANSWER_TEXT: 'true' });
    try {
      const a = await start('a');
      const turn = answer('a', a, 'Logged on purpose');
      await interviewer.whenWaiting(1);
      interviewer.releaseAll();
      await turn;
      const line = logs.find((l) => l.msg === 'turn' && l.command === 'answer');
      expect(line?.answer).toBe('Logged on purpose');
    } finally {
      await app.close();
    }
  });
});
