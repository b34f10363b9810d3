/**
 * Self-assessment: off by default; a candidate turns it on for themselves, and each interview
 * they start afterwards asks them to rate every scored stage 1–4 before the scorecard (a skip
 * always possible, a stranger refused). The scorecard then shows self against scored, the
 * interview keeps the ratings, and history shows the distance per interview over time.
 */
import { describe, expect, it } from 'vitest';
import { memoryCandidateIndex } from '../../src/engine/candidate-index.ts';
import { formatHistory } from '../../src/engine/messages.ts';
import { selfAssessmentLines } from '../../src/engine/self-assessment.ts';
import type { Reply } from '../../src/engine/types.ts';
import { ANA, BOB, harness, kinds } from './fakes.ts';

type Rating = Extract<Reply, { kind: 'self-assess' }>;
type ScorecardReply = Extract<Reply, { kind: 'scorecard' }>;
type HistoryReply = Extract<Reply, { kind: 'history' }>;

async function twoStages(h: Awaited<ReturnType<typeof harness>>, sessionId: string) {
  await h.ok({ kind: 'start', scenarioId: 'mini-recsys' }, { sessionId });
  await h.ok(
    { kind: 'answer', text: 'The objective is watch time at scale, a ranking problem.' },
    { sessionId },
  );
  await h.ok({ kind: 'next' }, { sessionId });
  await h.ok({ kind: 'answer', text: 'Offline NDCG and AUC; online CTR.' }, { sessionId });
  await h.ok({ kind: 'next' }, { sessionId });
  return h.ok({ kind: 'end' }, { sessionId });
}

describe('self-assessment', () => {
  it('is off by default: the scorecard follows the end at once', async () => {
    const h = await harness();
    const replies = await twoStages(h, 's1');
    expect(kinds(replies)).toContain('scorecard');
    expect(kinds(replies)).not.toContain('self-assess');
    expect((await h.session('s1')).selfAssessment).toBeUndefined();
  });

  it('asks each scored stage before the scorecard, refuses a stranger, then shows self against scored', async () => {
    const index = memoryCandidateIndex();
    const h = await harness({ candidateIndex: index });
    const on = await h.ok({ kind: 'self-assess-setting', on: true }, { sessionId: undefined });
    expect(on[0]).toMatchObject({ kind: 'message', text: expect.stringMatching(/on/) });

    const end = await twoStages(h, 's1');
    expect(kinds(end)).not.toContain('scorecard');
    const first = end.find((r) => r.kind === 'self-assess') as Rating;
    expect(first).toMatchObject({ stage: 'requirements', number: 1, total: 2 });

    // The scorecard waits: asking for it asks the rating again, and the export holds no scores.
    const again = await h.ok({ kind: 'scorecard' });
    expect(kinds(again)).toEqual(['self-assess']);
    const exported = (await h.ok({ kind: 'export' }))[0] as Extract<Reply, { kind: 'export' }>;
    expect(exported.markdown).toContain('The scorecard is shown once you have rated each stage');
    expect(exported.markdown).not.toMatch(/Overall:/);

    // History does not show the scores first either.
    const waiting = await h.engine.execute({ actor: ANA, command: { kind: 'history' } });
    if (!waiting.ok) throw new Error('history failed');
    const before = (waiting.replies[0] as HistoryReply).history;
    expect(before.entries[0]).toMatchObject({
      sessionId: 's1',
      overall: null,
      stageScores: {},
      awaitingSelfRatings: true,
    });
    expect(formatHistory(before, 'en')).toContain('score after your self-ratings');
    expect(before.trend).toEqual([]);
    const unfolded = await index.read(ANA);
    expect(Object.keys(unfolded?.stages ?? {})).toEqual([]);

    const stranger = await h.run(
      { kind: 'self-assess', stage: 'requirements', level: 4 },
      { actor: BOB },
    );
    expect(stranger).toMatchObject({ ok: false, error: { code: 'not-your-session' } });

    const second = await h.ok({ kind: 'self-assess', stage: 'requirements', level: 4 });
    expect(second[0]).toMatchObject({ kind: 'self-assess', stage: 'metrics', number: 2 });
    // A stale press on the first question changes nothing.
    await h.ok({ kind: 'self-assess', stage: 'requirements', level: 1 });
    const done = await h.ok({ kind: 'self-assess', stage: 'metrics', level: 2 });
    const card = (done.find((r) => r.kind === 'scorecard') as ScorecardReply).scorecard;
    expect(card.self).toEqual({ requirements: 4, metrics: 2 });
    const lines = selfAssessmentLines(card);
    expect(lines[0]).toMatch(/^Clarifying requirements: you 4, scored \d\.\d\/4$/);
    expect(lines.at(-1)).toMatch(/Mean distance between your view and the score: \d\.\d\./);

    const stored = await h.session('s1');
    expect(stored.selfAssessment).toMatchObject({
      done: true,
      ratings: { requirements: 4, metrics: 2 },
    });
    expect(stored.scorecard?.self).toEqual({ requirements: 4, metrics: 2 });
    const after = await h.engine.execute({ actor: ANA, command: { kind: 'history' } });
    if (!after.ok) throw new Error('history failed');
    const entry = (after.replies[0] as HistoryReply).history.entries[0]!;
    expect(entry.overall).toBe(card.overall);
    expect(entry.awaitingSelfRatings).toBeUndefined();
    expect(Object.keys(entry.stageScores).sort()).toEqual(['metrics', 'requirements']);
    const folded = await index.read(ANA);
    expect(Object.keys(folded?.stages ?? {}).sort()).toEqual(['metrics', 'requirements']);
  });

  it('a skip shows the scorecard at once with what was rated', async () => {
    const h = await harness();
    await h.ok({ kind: 'self-assess-setting', on: true }, { sessionId: undefined });
    await twoStages(h, 's1');
    const skipped = await h.ok({ kind: 'self-assess' });
    const card = (skipped.find((r) => r.kind === 'scorecard') as ScorecardReply).scorecard;
    expect(card.self).toEqual({});
    expect(selfAssessmentLines(card)).toEqual(['You skipped the self-assessment.']);
    expect((await h.session('s1')).selfAssessment).toMatchObject({ done: true, skipped: true });
  });

  it('history shows the distance between self and score per interview, and whether it shrinks', async () => {
    const h = await harness();
    await h.ok({ kind: 'self-assess-setting', on: true }, { sessionId: undefined });
    // First interview: rated far off (1 against scores above 2); second: close to the score.
    await twoStages(h, 's1');
    await h.ok({ kind: 'self-assess', stage: 'requirements', level: 1 }, { sessionId: 's1' });
    await h.ok({ kind: 'self-assess', stage: 'metrics', level: 1 }, { sessionId: 's1' });
    h.clock.advanceMinutes(60);
    await twoStages(h, 's2');
    const s2 = await h.session('s2');
    for (const progress of s2.stages.filter((p) => p.score)) {
      const level = Math.round(progress.score!.score) as 1 | 2 | 3 | 4;
      await h.ok({ kind: 'self-assess', stage: progress.stage, level }, { sessionId: 's2' });
    }
    const outcome = await h.engine.execute({ actor: ANA, command: { kind: 'history' } });
    if (!outcome.ok) throw new Error('history failed');
    const { history } = outcome.replies[0] as HistoryReply;
    const gaps = history.selfGaps!;
    expect(gaps.trend).toHaveLength(2);
    expect(gaps.trend[0]!).toBeGreaterThan(gaps.trend[1]!);
    expect(gaps.delta).toBeLessThan(0);
    expect(history.entries[0]!.selfGap).toBe(gaps.trend[1]);

    // Off again: the next interview shows the scorecard at once.
    await h.ok({ kind: 'self-assess-setting', on: false }, { sessionId: undefined });
    const third = await twoStages(h, 's3');
    expect(kinds(third)).toContain('scorecard');
  });
});
