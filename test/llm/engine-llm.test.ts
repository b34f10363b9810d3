/**
 * A whole interview on the LLM path: the composition root (createApp) with the LLM endpoint set
 * to the local OpenAI-compatible server, the real offline interviewer and scorer as fallbacks,
 * the memory store. Then the same interview with the server failing every request: the
 * interview goes on, and every score says it was scored offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Command, Reply, StageScore } from '../../src/engine/types.ts';
import { createLogger } from '../../src/logger.ts';
import { type FakeOpenAIServer, reply, startFakeOpenAI } from '../fakes/openai-server.ts';
import { scriptGoodLlm } from '../fakes/scripted-llm.ts';
import { noteText, type StoredNote } from '../../src/engine/messages.ts';

/** A score's notes in words (the engine words the codes in the interview's language). */
const noteTexts = (score: { notes: StoredNote[] }, lang: 'en' | 'zh' = 'en') =>
  score.notes.map((note) => noteText(note, lang));

const ACTOR = 'terminal:llm-e2e';

async function appOn(server: FakeOpenAIServer, maxRetries = 1): Promise<App> {
  const config = loadConfig({
    KNOWLEDGE_DIR: 'test/fixtures/knowledge-mini',
    OPENAI_BASE_URL: server.url,
    OPENAI_MODEL: 'fake-model',
    LLM_MAX_RETRIES: String(maxRetries),
    LLM_TIMEOUT_MS: '2000',
    USER_TURNS_PER_MINUTE: '100',
  });
  return createApp(config, { logger: createLogger({ level: 'silent' }), memoryStore: true });
}

async function run(app: App, command: Command, sessionId?: string) {
  const outcome = await app.engine.execute({ actor: ACTOR, sessionId, command });
  if (!outcome.ok) throw new Error(`engine refused ${command.kind}: ${outcome.error.code}`);
  return outcome;
}

async function wholeInterview(app: App): Promise<{ replies: Reply[]; sessionId: string }> {
  const started = await run(app, { kind: 'start', scenarioId: 'mini-recsys' });
  const sessionId = started.sessionId!;
  const replies: Reply[] = [...started.replies];
  const steps: Command[] = [
    { kind: 'answer', text: 'How many daily active users do we have?' },
    { kind: 'hint' },
    { kind: 'answer', text: 'We optimise watch time, not clicks. Latency matters too.' },
    { kind: 'followup' },
    { kind: 'next' },
    { kind: 'answer', text: 'Offline NDCG on held-out sessions. Online watch time per user.' },
    { kind: 'next' },
    { kind: 'answer', text: 'A popularity baseline first. Then a two-tower retrieval model.' },
    { kind: 'status' },
    { kind: 'next' },
  ];
  for (const command of steps) replies.push(...(await run(app, command, sessionId)).replies);
  return { replies, sessionId };
}

function stageScores(replies: Reply[]): StageScore[] {
  const card = replies.find((r) => r.kind === 'scorecard');
  if (card?.kind !== 'scorecard') throw new Error('no scorecard');
  return card.scorecard.stages.map((s) => s.score!);
}

describe('a whole interview on the LLM path', () => {
  let server: FakeOpenAIServer;
  beforeAll(async () => {
    server = await startFakeOpenAI();
  });
  afterAll(async () => {
    await server.close();
  });

  it('uses the LLM for moves and scores, with evidence from the answers and usage recorded', async () => {
    server.reset();
    scriptGoodLlm(server);
    const app = await appOn(server);
    try {
      expect(app.interviewerKind).toBe('llm');
      expect(app.scorerKind).toBe('llm');
      const { replies } = await wholeInterview(app);
      const said = replies.flatMap((r) => (r.kind === 'message' ? [r.text] : []));
      for (const line of [
        'About 10 million daily active users.',
        'Think about what the business wants.',
        'Who exactly are we serving here?',
      ]) {
        expect(said.some((text) => text.includes(line))).toBe(true);
      }

      const scores = stageScores(replies);
      expect(scores.map((s) => [s.stage, s.scorer, s.level])).toEqual([
        ['requirements', 'llm', 3],
        ['metrics', 'llm', 3],
        ['modeling', 'llm', 3],
      ]);
      expect(scores[1]!.criteria[0]!.evidence).toEqual(['Offline NDCG on held-out sessions']);
      expect(scores.every((s) => s.promptVersion?.startsWith('scorer-v2#'))).toBe(true);
      expect(scores.every((s) => s.model === 'fake-model')).toBe(true);

      const status = replies.find((r) => r.kind === 'status');
      expect(status?.kind === 'status' && status.status.usage.requests).toBeGreaterThanOrEqual(8);
      expect(status?.kind === 'status' && status.status.usage.promptTokens).toBeGreaterThan(0);
      expect(server.requests.every((r) => r.outcome === 'replied')).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('keeps going when every LLM request fails, and marks every score as offline', async () => {
    server.reset();
    server.on({}, reply.serverError(503));
    // No retries: each would back off for real (half a second), and prove nothing more here.
    const app = await appOn(server, 0);
    try {
      const { replies } = await wholeInterview(app);
      const scores = stageScores(replies);
      expect(scores.map((s) => s.scorer)).toEqual(['offline', 'offline', 'offline']);
      for (const score of scores) {
        // After three failures in a row the circuit breaker switches the LLM off: the later
        // scores are offline at once, saying why.
        expect(noteTexts(score).join(' ')).toMatch(
          /scored offline: the LLM scorer failed \((LLM switched off after it stopped answering \()?server error \(503\)/,
        );
        expect(score.promptVersion).toBeUndefined();
      }
      expect(server.requests).toHaveLength(3);
      // The conversation says so (once when it happens, and again in /status), not the logs only.
      const offlineNotes = replies.filter(
        (r) => r.kind === 'message' && r.text.startsWith('The LLM is not answering'),
      );
      expect(offlineNotes).toHaveLength(2);
      const status = replies.find((r) => r.kind === 'status');
      expect(status?.kind === 'status' && status.status.interviewer).toBe('offline');
      const card = replies.find((r) => r.kind === 'scorecard');
      expect(card?.kind === 'scorecard' && card.scorecard.scorers).toEqual(['offline']);
      // The interviewer's moves came from the offline interviewer: no LLM text was shown.
      expect(replies.some((r) => r.kind === 'message' && r.text.includes('Keep going'))).toBe(
        false,
      );
    } finally {
      await app.close();
    }
  });
});
