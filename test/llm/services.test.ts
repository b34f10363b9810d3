import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/engine/ports.ts';
import { openRedis } from '../../src/store/backends/redis.ts';
import {
  createLlmScorer,
  createLlmServices,
  LlmNotConfiguredError,
} from '../../src/app/llm-services.ts';
import { type FakeOpenAIServer, reply, startFakeOpenAI } from '../fakes/openai-server.ts';
import {
  interviewerContext,
  scoringInput,
  StubOfflineInterviewer,
  StubOfflineScorer,
  turn,
} from './helpers.ts';
import { noteText, type StoredNote } from '../../src/engine/messages.ts';

/** A score's notes in words (the engine words the codes in the interview's language). */
const noteTexts = (score: { notes: StoredNote[] }, lang: 'en' | 'zh' = 'en') =>
  score.notes.map((note) => noteText(note, lang));

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => {
  await server.close();
});

const env = () => ({
  OPENAI_BASE_URL: server.url,
  OPENAI_MODEL: 'local-model',
  LLM_MAX_RETRIES: '0',
  USER_TURNS_PER_MINUTE: '2',
});

describe('createLlmServices', () => {
  it('is null without an endpoint, so the caller keeps the offline interviewer and scorer', () => {
    const services = createLlmServices(loadConfig({}), {
      offlineInterviewer: new StubOfflineInterviewer(),
      offlineScorer: new StubOfflineScorer(),
    });
    expect(services).toBeNull();
    expect(() => createLlmScorer(loadConfig({}), { fallback: new StubOfflineScorer() })).toThrow(
      LlmNotConfiguredError,
    );
  });

  it('wires the interviewer, scorer and guard to the configured endpoint', async () => {
    server.on(
      { schema: 'interviewer_respond' },
      reply.json({ move: 'acknowledge', message: 'Go on.', revealedFacts: [] }),
    );
    server.on({ schema: 'stage_score' }, reply.serverError(500));
    const offlineScorer = new StubOfflineScorer();
    const services = createLlmServices(loadConfig(env()), {
      offlineInterviewer: new StubOfflineInterviewer(),
      offlineScorer,
    })!;
    try {
      expect(services.interviewer.kind).toBe('llm');
      expect(services.scorer.kind).toBe('llm');
      const move = await services.interviewer.respond(
        interviewerContext('requirements', [turn('requirements', 'candidate', 'Hello.')]),
      );
      expect(move.message).toBe('Go on.');
      expect(server.requests.at(-1)?.body.model).toBe('local-model');

      const score = await services.scorer.score(scoringInput('metrics', 'NDCG.'));
      expect(score.scorer).toBe('offline');
      expect(noteTexts(score)[0]).toMatch(/^scored offline/);

      expect(await services.guard.admit('terminal:a')).toEqual({ ok: true });
      expect(await services.guard.admit('terminal:a')).toEqual({ ok: true });
      expect(await services.guard.admit('terminal:a')).toMatchObject({
        ok: false,
        code: 'rate-limited',
      });
    } finally {
      await services.close();
    }
  });

  it('createLlmScorer scores through the endpoint and names its prompt version and model', async () => {
    server.reset();
    server.on({ schema: 'stage_score' }, reply.text('not json'));
    const scorer = createLlmScorer(loadConfig(env()), { fallback: new StubOfflineScorer() });
    try {
      expect(scorer.kind).toBe('llm');
      expect(scorer.model).toBe('local-model');
      expect(scorer.promptVersion).toMatch(/^scorer-v2#/);
      const score = await scorer.score(scoringInput('metrics', 'NDCG.'));
      expect(noteTexts(score)).toEqual([
        'scored offline: the LLM scorer failed (the reply was not valid JSON)',
      ]);
    } finally {
      await scorer.close();
    }
  });
});

describe('the judge apart from the interviewer', () => {
  it('scores on JUDGE_BASE_URL with JUDGE_MODEL and JUDGE_API_KEY, while the interviewer stays on OPENAI_*', async () => {
    const judgeServer = await startFakeOpenAI();
    server.reset();
    server.on(
      { schema: 'interviewer_respond' },
      reply.json({ move: 'acknowledge', message: 'Go on.', revealedFacts: [] }),
    );
    judgeServer.on({ schema: 'stage_score' }, reply.text('not json'));
    const config = loadConfig({
      ...env(),
      JUDGE_BASE_URL: judgeServer.url,
      JUDGE_MODEL: 'judge-model',
      JUDGE_API_KEY: 'judge-key',
      JUDGE_SAMPLES: '2',
    });
    const services = createLlmServices(config, {
      offlineInterviewer: new StubOfflineInterviewer(),
      offlineScorer: new StubOfflineScorer(),
    })!;
    try {
      await services.interviewer.respond(
        interviewerContext('requirements', [turn('requirements', 'candidate', 'Hello.')]),
      );
      await services.scorer.score(scoringInput('metrics', 'NDCG.'));
      expect(server.requests.map((r) => r.schemaName)).toEqual(['interviewer_respond']);
      expect(judgeServer.requests).toHaveLength(2);
      expect(judgeServer.requests.every((r) => r.body.model === 'judge-model')).toBe(true);
      expect(judgeServer.requests[0]!.headers.authorization).toBe('Bearer judge-key');
    } finally {
      await services.close();
      await judgeServer.close();
    }
  });

  it('with only JUDGE_* set, the judge scores with the LLM and the interviewer stays offline', async () => {
    server.reset();
    server.on({ schema: 'stage_score' }, reply.text('not json'));
    const offlineInterviewer = new StubOfflineInterviewer();
    const services = createLlmServices(
      loadConfig({ JUDGE_BASE_URL: server.url, JUDGE_MODEL: 'judge-model', LLM_MAX_RETRIES: '0' }),
      { offlineInterviewer, offlineScorer: new StubOfflineScorer() },
    )!;
    try {
      expect(services.interviewer).toBe(offlineInterviewer);
      expect(services.scorer.kind).toBe('llm');
      await services.scorer.score(scoringInput('metrics', 'NDCG.'));
      expect(server.requests.map((r) => r.body.model)).toEqual([
        'judge-model',
        'judge-model',
        'judge-model',
      ]);
    } finally {
      await services.close();
    }
  });

  it('falls back to the interviewer endpoint and model when no JUDGE_* is set', async () => {
    server.reset();
    server.on({ schema: 'stage_score' }, reply.text('not json'));
    const scorer = createLlmScorer(loadConfig({ ...env(), OPENAI_API_KEY: 'int-key' }), {
      fallback: new StubOfflineScorer(),
    });
    try {
      expect(scorer.model).toBe('local-model');
      expect(scorer.samples).toBe(3);
      await scorer.score(scoringInput('metrics', 'NDCG.'));
      expect(server.requests).toHaveLength(3);
      expect(server.requests[0]!.body.model).toBe('local-model');
      expect(server.requests[0]!.headers.authorization).toBe('Bearer int-key');
    } finally {
      await scorer.close();
    }
  });
});

describe.skipIf(!process.env.REDIS_URL)('createLlmServices on Redis (needs REDIS_URL)', () => {
  it('clusters the limiter and counts per-user turns on the shared connection, which it leaves open', async () => {
    server.reset();
    server.on(
      { schema: 'interviewer_respond' },
      reply.json({ move: 'acknowledge', message: 'Go on.', revealedFacts: [] }),
    );
    const candidate = 'terminal:redis';
    const namespace = `test-services-${process.pid}-${Date.now()}`;
    // Two processes, each with its one connection (as its store opens it).
    const connections = await Promise.all([
      openRedis(process.env.REDIS_URL!, silentLogger),
      openRedis(process.env.REDIS_URL!, silentLogger),
    ]);
    const deps = (redis: Redis) => ({
      offlineInterviewer: new StubOfflineInterviewer(),
      offlineScorer: new StubOfflineScorer(),
      redis,
      namespace,
    });
    const one = createLlmServices(loadConfig(env()), deps(connections[0].redis))!;
    const two = createLlmServices(loadConfig(env()), deps(connections[1].redis))!;
    try {
      const move = await one.interviewer.respond(
        interviewerContext('requirements', [turn('requirements', 'candidate', 'Hi.')]),
      );
      expect(move.fallback).toBeUndefined();
      // Two processes, one budget of two turns per minute.
      expect(await one.guard.admit(candidate)).toEqual({ ok: true });
      expect(await two.guard.admit(candidate)).toEqual({ ok: true });
      expect(await one.guard.admit(candidate)).toMatchObject({ ok: false, code: 'rate-limited' });
    } finally {
      await one.close();
      await two.close();
      // The store's connection is the store's to close: still open after the LLM part closed.
      expect(await connections[0].redis.ping()).toBe('PONG');
      const redis = connections[0].redis;
      const keys = [
        ...(await redis.keys(`${namespace}::*`)),
        ...(await redis.keys(`b_${namespace}:*`)),
      ];
      if (keys.length > 0) await redis.del(...keys);
      await Promise.all(connections.map((c) => c.close()));
    }
  });
});
