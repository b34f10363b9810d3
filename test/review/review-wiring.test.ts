import { beforeAll, describe, expect, it } from 'vitest';
import type { InterviewerContext, StageScorer } from '../../src/engine/ports.ts';
import type { Lang, Session, Turn } from '../../src/engine/types.ts';
import { runReviewEval, loadReviewSet } from '../../src/eval/review-eval.ts';
import { OfflineInterviewer } from '../../src/interviewer/rule-based-interviewer.ts';
import { reviewNotes } from '../../src/interviewer/llm/review-notes.ts';
import { type Knowledge, stageById } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { OfflineScorer } from '../../src/scorer/offline-scorer.ts';
import { withReview } from '../../src/scorer/review-scorer.ts';
import { noteText, type StoredNote } from '../../src/engine/messages.ts';

/** A score's notes in words (the engine words the codes in the interview's language). */
const noteTexts = (score: { notes: StoredNote[] }, lang: 'en' | 'zh' = 'en') =>
  score.notes.map((note) => noteText(note, lang));

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge();
});

function context(
  message: string,
  lang: Lang = 'en',
  followupsAsked: string[] = [],
): InterviewerContext {
  const scenario = knowledge.scenarios.get('fraud-detection')!;
  const plan = scenario.stages ?? knowledge.framework.stages.map((s) => s.id);
  const turn: Turn = {
    id: 't1',
    at: 1,
    stage: 'requirements',
    role: 'candidate',
    kind: 'answer',
    text: message,
  };
  const session: Session = {
    id: 's',
    version: 1,
    candidateId: 'terminal:ana',
    scenarioId: scenario.id,
    mode: 'interview',
    lang,
    difficulty: 'medium',
    plan,
    stageIndex: 0,
    status: 'active',
    createdAt: 0,
    updatedAt: 0,
    turns: [turn],
    stages: plan.map((stage) => ({
      stage,
      hintsUsed: 0,
      followupsAsked: stage === 'requirements' ? followupsAsked : [],
      revealedFacts: [],
      nudged: false,
    })),
    usage: { requests: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0 },
  };
  return {
    framework: knowledge.framework,
    scenario,
    stage: stageById(knowledge.framework, 'requirements'),
    lang,
    session,
    stageTurns: [turn],
  };
}

describe('the interviewer uses the checks', () => {
  const interviewer = new OfflineInterviewer();

  it('challenges a wrong estimate with the recomputed figure, once', async () => {
    const message = 'With 100M transactions a day we need to handle about 100k TPS.';
    const move = await interviewer.respond(context(message));
    expect(move.message).toContain('about 1,200 per second on average, not 100,000');
    expect(move.message).toContain('How does that change your serving plan?');
    expect(move.followupKey).toMatch(/^review:rate-off:/);
    const again = await interviewer.respond(context(message, 'en', [move.followupKey!]));
    expect(again.message).not.toContain('1,200 per second');
  });

  it('answers an unreadable diagram with the reason, in Chinese too', async () => {
    const move = await interviewer.respond(
      context('```mermaid\nflowchart LR\n  A[日志 --> B\n```', 'zh'),
    );
    expect(move.message).toContain('我读不懂这个 Mermaid 流程图');
    expect(move.message).toContain('第 2 行');
  });

  it('asks about a mistake in the diagram', async () => {
    const move = await interviewer.respond(
      context(
        'transaction -> fraud model -> decision rules\nfraud model -(predictions as labels)-> training data -> trainer -> fraud model',
      ),
    );
    expect(move.message).toMatch(/learning from its own decisions/);
  });

  it('gives the LLM interviewer the checks in its prompt', async () => {
    const notes = (await reviewNotes(context('100M transactions a day, so about 100k QPS.'))).join(
      '\n',
    );
    expect(notes).toContain('<checks>');
    expect(notes).toContain('not 100,000');
    expect(await reviewNotes(context('I would start with the business goal.'))).toEqual([]);
  });
});

describe('the scorer counts the diagram and notes the checks', () => {
  const offline = new OfflineScorer({ knowledge });
  const scorer: StageScorer = withReview(offline);
  const input = (answer: string) => {
    const scenario = knowledge.scenarios.get('youtube-recommendation')!;
    return {
      framework: knowledge.framework,
      scenario,
      stage: stageById(knowledge.framework, 'architecture'),
      lang: 'en' as const,
      answer,
      turns: [],
    };
  };

  it('leaves an answer without diagram or figures exactly as the inner scorer scores it', async () => {
    const answer =
      'I would split the system into candidate generation and ranking, with a feature store shared by training and serving.';
    expect(await scorer.score(input(answer))).toEqual(await offline.score(input(answer)));
  });

  it('adds the critique and credited estimates to the stage', async () => {
    const answer = [
      'user -> api gateway -> ranker -> user',
      'feature store -> ranker',
      'ranker -> impression logs -> training data -> trainer -> ranker',
      '5B videos × 1 KB = 5 TB of metadata.',
    ].join('\n');
    const score = await scorer.score(input(answer));
    expect(noteTexts(score)).toContain('Diagram: no candidate generation.');
    expect(noteTexts(score)).toContain('Diagram: no monitoring.');
    expect(noteTexts(score).some((n) => n.startsWith('Estimate checked and correct'))).toBe(true);
    const flow = score.criteria.find((c) => c.id === 'end-to-end-flow')!;
    expect(flow.evidence).toContain('5B videos × 1 KB = 5 TB of metadata.');
  });
});

describe('eval sets', () => {
  it('reach the figures the issue asks for', async () => {
    for (const file of ['eval/diagrams.jsonl', 'eval/estimates.jsonl']) {
      const items = await loadReviewSet(file);
      expect(items.length).toBeGreaterThanOrEqual(60);
      const report = await runReviewEval(knowledge, file, items);
      expect(report.defectRecall, file).toBeGreaterThanOrEqual(0.9);
      expect(report.falseFindingRate, file).toBeLessThanOrEqual(0.05);
      expect(report.malformedAnsweredRate, file).toBe(1);
    }
  });
});
