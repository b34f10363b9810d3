/**
 * The interviewer audit in the test suite: simulated candidates play whole interviews on every
 * scenario, and the behaviours the issue lists are measured. Every rate must be 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/interviewer/audit/checks.ts';
import { type AuditReport, runAudit } from '../../src/interviewer/audit/run.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { LlmClient } from '../../src/llm/client.ts';
import { LlmInterviewer } from '../../src/interviewer/llm/llm-interviewer.ts';
import { RequestLimiter } from '../../src/llm/limiter.ts';
import { OfflineInterviewer } from '../../src/interviewer/rule-based-interviewer.ts';
import { OfflineScorer } from '../../src/scorer/offline-scorer.ts';
import { scriptLeakyInterviewer } from '../fakes/leaky-interviewer-model.ts';
import { FakeOpenAIServer } from '../fakes/openai-server.ts';

const knowledge = await loadKnowledge();

describe('interviewer audit: the offline interviewer', () => {
  let report: AuditReport;
  beforeAll(async () => {
    report = await runAudit({
      knowledge,
      interviewer: new OfflineInterviewer(),
      scorer: new OfflineScorer({ knowledge }),
    });
  }, 240_000);

  it('plays every scenario with every persona in English and Chinese', () => {
    // 17 scenarios × (9 personas × 2 languages + the Chinese persona).
    expect(report.interviews).toBe(knowledge.scenarios.size * 19);
  });

  for (const check of CHECKS) {
    it(`${check}: 0`, () => {
      expect(report.rates[check], JSON.stringify(report.examples[check] ?? [])).toBe(0);
    });
  }

  it('answers every fact the simulated candidates ask for', () => {
    expect(report.facts.answered).toBe(report.facts.asked);
  });

  it('challenges at least 90% of the catalogue mistakes made', () => {
    expect(report.mistakes.made).toBeGreaterThan(100);
    expect(report.mistakes.rate).toBeGreaterThanOrEqual(0.9);
  });
});

describe('interviewer audit: an LLM that leaks and repeats, behind the guards', () => {
  const server = new FakeOpenAIServer();
  beforeAll(async () => {
    await server.start();
    scriptLeakyInterviewer(server, [...knowledge.scenarios.values()]);
  });
  afterAll(() => server.close());

  it('no leak reaches the candidate: unasked facts, answer-key terms and repeats are removed', async () => {
    const limiter = new RequestLimiter({
      requestsPerWindow: 100_000,
      tokensPerWindow: 100_000_000,
      windowMs: 60_000,
      maxConcurrent: 4,
    });
    const client = new LlmClient({
      apiKey: 'test',
      baseURL: server.url,
      model: 'leaky',
      timeoutMs: 5_000,
      maxRetries: 0,
      maxRetryAfterMs: 0,
      limiter,
    });
    const interviewer = new LlmInterviewer({ client, fallback: new OfflineInterviewer() });
    const report = await runAudit({
      knowledge,
      interviewer,
      scorer: new OfflineScorer({ knowledge }),
      scenarios: ['fraud-detection', 'youtube-recommendation'],
      personas: ['weak', 'many-questions', 'strong'],
      langs: ['en'],
    });
    await limiter.close();
    expect(server.requests.length).toBeGreaterThan(50);
    for (const check of [
      'unasked-fact-revealed',
      'answer-key-term-in-probe',
      'question-asked-twice',
      'loop',
    ] as const) {
      expect(report.rates[check], JSON.stringify(report.examples[check] ?? [])).toBe(0);
    }
  }, 240_000);
});
