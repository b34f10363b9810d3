/**
 * The engine on the real knowledge base with the real offline interviewer and offline scorer:
 * what `npm start` runs without an LLM.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/engine/types.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { OfflineInterviewer } from '../../src/interviewer/rule-based-interviewer.ts';
import { OfflineScorer } from '../../src/scorer/offline-scorer.ts';
import { harness, texts } from './fakes.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge();
});

describe('a full offline interview on the real knowledge base', () => {
  it('youtube-recommendation: clarifications, probes, stage scores, scorecard labeled offline', async () => {
    const h = await harness({
      knowledge,
      interviewer: new OfflineInterviewer(),
      scorer: new OfflineScorer({ knowledge }),
    });
    const opened = await h.ok({
      kind: 'start',
      scenarioId: 'youtube-recommendation',
      mode: 'coach',
    });
    expect(opened.at(-1)).toMatchObject({ kind: 'stage-opened', stage: 'requirements' });

    const clarified = texts(
      await h.ok({
        kind: 'answer',
        text: 'How many daily active users, and what is the latency budget?',
      }),
    );
    expect(clarified[0]).toContain('800 million daily active users');
    expect(clarified[0]).toContain('200 ms at p99');

    await h.ok({
      kind: 'answer',
      text: 'I would optimize long-term satisfaction and watch time rather than raw clicks, because clickbait hurts retention. It is a personalized ranking problem: predict expected watch time for each user-video pair and sort by it.',
    });
    const next = await h.ok({ kind: 'next' });
    const feedback = next.find((r) => r.kind === 'stage-feedback') as Extract<
      Reply,
      { kind: 'stage-feedback' }
    >;
    expect(feedback.score.scorer).toBe('offline');
    expect(feedback.score.score).toBeGreaterThanOrEqual(2);

    await h.ok({
      kind: 'answer',
      text: 'Offline, recall@k for retrieval and NDCG for ranking, because the order matters. Online, watch time per user and retention in an A/B test, with CTR and dislike rate as guardrails.',
    });
    const end = await h.ok({ kind: 'end' });
    const card = (end.at(-1) as Extract<Reply, { kind: 'scorecard' }>).scorecard;
    expect(card.scorers).toEqual(['offline']);
    expect(card.stages).toHaveLength(11);
    expect(card.stages.filter((s) => s.score).map((s) => s.stage)).toEqual([
      'requirements',
      'metrics',
    ]);
    expect(card.hireSignal).toBe('lean-no-hire'); // 2 of 11 stages: not enough evidence
    expect(card.nextSteps.some((s) => s.includes('did not cover'))).toBe(true);
    for (const stage of card.stages) {
      for (const c of stage.score?.criteria ?? []) {
        const said = (await h.session()).turns
          .filter((t) => t.role === 'candidate')
          .map((t) => t.text)
          .join('\n');
        for (const quote of c.evidence) expect(said).toContain(quote);
      }
    }
  });

  it('every scenario starts, and its first hint and follow-up work in both languages', async () => {
    const h = await harness({
      knowledge,
      interviewer: new OfflineInterviewer(),
      scorer: new OfflineScorer({ knowledge }),
    });
    for (const scenario of knowledge.scenarios.values()) {
      for (const lang of ['en', 'zh'] as const) {
        const sessionId = `${scenario.id}-${lang}`;
        await h.ok({ kind: 'start', scenarioId: scenario.id, lang }, { sessionId });
        expect(texts(await h.ok({ kind: 'hint' }, { sessionId }))[0]).not.toBe('');
        expect(texts(await h.ok({ kind: 'followup' }, { sessionId }))[0]).not.toBe('');
        expect(
          texts(
            await h.ok(
              {
                kind: 'answer',
                text: lang === 'zh' ? '延迟要求是多少？' : 'What is the latency budget?',
              },
              { sessionId },
            ),
          ),
        ).toHaveLength(1);
      }
    }
  });
});
