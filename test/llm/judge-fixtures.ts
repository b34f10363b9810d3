/**
 * Shared by the LLM judge tests: an answer to the mini scenario's metrics stage, checklists the
 * stand-in replies with, and a judge on the local OpenAI-compatible stand-in. The mini knowledge
 * base has written checks for the metrics stage (test/fixtures/knowledge-mini/checks.yaml) and a
 * reference answer for it (model-answers/mini-recsys.yaml).
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { RequestLimiter } from '../../src/llm/limiter.ts';
import { LlmScorer } from '../../src/scorer/llm/llm-scorer.ts';
import {
  type FakeOpenAIServer,
  type RecordedRequest,
  type reply,
  startFakeOpenAI,
} from '../fakes/openai-server.ts';
import { makeClient, StubOfflineScorer } from './helpers.ts';

/** The judge's settings when none is set: the defaults of the config schema. */
const judgeDefaults = loadConfig({}).llm;

export const ANSWER = [
  'Offline I would track NDCG@10 on held-out watch sessions.',
  'Online the main metric is watch time per user, with CTR as a guardrail.',
  'If CTR rises while watch time falls we are probably promoting clickbait.',
].join(' ');

/** The levels of the metrics checks in the fixture, in order (ids `<criterion>.<n>`). */
export const CHECK_LEVELS = {
  'offline-metrics': [2, 3, 4, 4],
  'online-metrics': [2, 3, 4],
  'metric-tradeoffs': [2, 3, 4],
} as const;
export type CriterionId = keyof typeof CHECK_LEVELS;

/** A quote from ANSWER for each criterion. */
export const QUOTES: Record<CriterionId, string> = {
  'offline-metrics': 'Offline I would track NDCG@10 on held-out watch sessions.',
  'online-metrics': 'the main metric is watch time per user',
  'metric-tradeoffs': 'we are probably promoting clickbait',
};

interface Check {
  id: string;
  quote: string;
  answer: 'yes' | 'no';
}

/**
 * A schema-valid checklist for the metrics stage in which each criterion's checks up to the
 * given level are met with a real quote, and the rest answered no.
 */
export function checklist(
  levels: Record<CriterionId, number>,
  quotes: Partial<Record<CriterionId, string>> = {},
) {
  const checks: Check[] = Object.entries(CHECK_LEVELS).flatMap(([criterion, checkLevels]) =>
    checkLevels.map((level, i) => {
      const met = level <= levels[criterion as CriterionId];
      return {
        id: `${criterion}.${i + 1}`,
        quote: met ? (quotes[criterion as CriterionId] ?? QUOTES[criterion as CriterionId]) : '',
        answer: met ? ('yes' as const) : ('no' as const),
      };
    }),
  );
  return {
    checks,
    criteria: Object.keys(CHECK_LEVELS).map((id) => ({ id, feedback: `Advice on ${id}.` })),
    missedKeyPoints: [] as number[],
    feedback: 'Solid metrics with a clear link to the goal.',
  };
}

export const GOOD = { 'offline-metrics': 3, 'online-metrics': 4, 'metric-tradeoffs': 3 } as const;

export const ZH_ANSWER =
  '离线用 NDCG 评估排序。线上主要看人均观看时长。点击率上升但时长下降说明可能是标题党。';
export const ZH_QUOTES: Record<CriterionId, string> = {
  'offline-metrics': '离线用 NDCG 评估排序',
  'online-metrics': '线上主要看人均观看时长',
  'metric-tradeoffs': '可能是标题党',
};

/**
 * Starts the stand-in for the calling test file (and resets it after each test); `judge()`
 * gives a judge on it with an offline stub as fallback.
 */
export function useJudgeServer() {
  let server: FakeOpenAIServer;
  const limiters: RequestLimiter[] = [];
  beforeAll(async () => {
    server = await startFakeOpenAI({ cache: { minTokens: 64, step: 16 }, model: 'fake-gpt-2025' });
  });
  afterAll(async () => {
    await server.close();
  });
  afterEach(async () => {
    server.reset();
    await Promise.all(limiters.splice(0).map((l) => l.close()));
  });

  return {
    get server() {
      return server;
    },
    /** A judge on the stand-in; `samples` 1 unless given (the class default is 3). */
    judge(
      options: {
        samples?: number | 'default';
        temperature?: number;
        maxRetries?: number;
        timeoutMs?: number;
        model?: string;
      } = {},
    ) {
      const { client, limiter } = makeClient(server, {
        maxRetries: options.maxRetries ?? 1,
        timeoutMs: options.timeoutMs ?? 2_000,
        ...(options.model ? { model: options.model } : {}),
      });
      limiters.push(limiter);
      const fallback = new StubOfflineScorer();
      const scorer = new LlmScorer({
        client,
        fallback,
        // 'default': the configuration's defaults (JUDGE_SAMPLES, JUDGE_TEMPERATURE unset).
        samples:
          options.samples === 'default' ? judgeDefaults.scorerSamples : (options.samples ?? 1),
        temperature: options.temperature ?? judgeDefaults.judgeTemperature,
      });
      return { scorer, fallback };
    },
    /** Replies to successive scoring requests with these sources, in turn. */
    inTurn(...sources: (() => ReturnType<typeof reply.json>)[]) {
      let n = 0;
      server.on({ schema: 'stage_score' }, () => sources[n++ % sources.length]!());
    },
  };
}

export function userMessage(request: RecordedRequest): string {
  return String(request.body.messages?.find((m) => m.role === 'user')?.content);
}
export function systemMessage(request: RecordedRequest): string {
  return String(request.body.messages?.find((m) => m.role === 'system')?.content);
}
