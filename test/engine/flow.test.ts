import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/engine/types.ts';
import { ANA, harness, kinds, texts } from './fakes.ts';

const start = { kind: 'start', scenarioId: 'mini-recsys' } as const;

describe('interview state machine', () => {
  it('walks start → answers → next … → scorecard, scoring each stage once', async () => {
    const h = await harness();
    const opened = await h.ok(start);
    expect(kinds(opened)).toEqual(['message', 'message', 'message', 'message', 'stage-opened']);
    const stageOpened = opened.at(-1) as Extract<Reply, { kind: 'stage-opened' }>;
    expect(stageOpened).toMatchObject({ stage: 'requirements', number: 1, total: 3 });
    expect(stageOpened.actions).toEqual(['followup', 'hint', 'next', 'end']);
    // Offline ports are announced.
    expect(texts(opened).join(' ')).toMatch(/offline/i);

    await h.ok({ kind: 'answer', text: 'The objective is watch time, not clicks.' });
    const toMetrics = await h.ok({ kind: 'next' });
    expect(toMetrics.at(-1)).toMatchObject({ kind: 'stage-opened', stage: 'metrics', number: 2 });
    expect(h.scorer.calls.map((c) => c.stage.id)).toEqual(['requirements']);
    expect(h.scorer.calls[0]!.answer).toBe('The objective is watch time, not clicks.');

    await h.ok({ kind: 'answer', text: 'Offline I would use NDCG and AUC.' });
    await h.ok({ kind: 'answer', text: 'Online, CTR with an A/B test.' });
    await h.ok({ kind: 'next' });
    // All candidate turns of the stage are joined for scoring.
    expect(h.scorer.calls[1]!.answer).toBe(
      'Offline I would use NDCG and AUC.\n\nOnline, CTR with an A/B test.',
    );

    await h.ok({
      kind: 'answer',
      text: 'Start with a popularity baseline, then a two-tower model.',
    });
    const finished = await h.ok({ kind: 'next' }); // next on the last stage finishes
    expect(kinds(finished)).toEqual(['message', 'scorecard']);
    const card = (finished[1] as Extract<Reply, { kind: 'scorecard' }>).scorecard;
    expect(card.stages.map((s) => s.stage)).toEqual(['requirements', 'metrics', 'modeling']);
    expect(card.stages.every((s) => s.score !== null)).toBe(true);
    expect(card.scorers).toEqual(['offline']);

    const session = await h.session();
    expect(session.status).toBe('finished');
    expect(session.pending).toBeUndefined();
    expect(session.scorecard).toEqual(card);
    expect(h.scorer.calls).toHaveLength(3);
    // Token usage of interviewer moves (4 answers) and scores (3) is accumulated.
    expect(session.usage.requests).toBe(7);
    expect(h.guard.recorded.reduce((n, u) => n + u.requests, 0)).toBe(7);
  });

  it('end closes and scores the current stage; unreached stages are null', async () => {
    const h = await harness();
    await h.ok(start);
    await h.ok({ kind: 'answer', text: 'We optimize watch time; latency must be low.' });
    const replies = await h.ok({ kind: 'end' });
    const card = (replies.at(-1) as Extract<Reply, { kind: 'scorecard' }>).scorecard;
    expect(card.stages[0]!.score).not.toBeNull();
    expect(card.stages[1]!.score).toBeNull();
    expect(card.stages[2]!.score).toBeNull();
    // Reaching one stage of three caps the signal (coverage < 0.5).
    expect(['strong-no-hire', 'no-hire', 'lean-no-hire']).toContain(card.hireSignal);
  });

  it('a stage closed without any answer is not scored', async () => {
    const h = await harness();
    await h.ok(start);
    await h.ok({ kind: 'next' });
    expect(h.scorer.calls).toHaveLength(0);
    const session = await h.session();
    expect(session.stages[0]!.score).toBeUndefined();
    expect(session.stages[0]!.endedAt).toBeDefined();
    expect(session.stageIndex).toBe(1);
  });

  it('commands after the end answer session-over; scorecard, status and export still work', async () => {
    const h = await harness();
    await h.ok(start);
    await h.ok({ kind: 'answer', text: 'The objective is watch time.' });
    await h.ok({ kind: 'end' });
    for (const kind of ['next', 'hint', 'followup', 'end', 'abandon'] as const) {
      const outcome = await h.run({ kind });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'session-over' } });
    }
    expect(await h.run({ kind: 'answer', text: 'more' })).toMatchObject({
      ok: false,
      error: { code: 'session-over' },
    });
    expect(kinds(await h.ok({ kind: 'scorecard' }))).toEqual(['scorecard']);
    expect(kinds(await h.ok({ kind: 'status' }))).toEqual(['status']);
    expect(kinds(await h.ok({ kind: 'export' }))).toEqual(['export']);
  });

  it('unknown scenario: error with the id and close suggestions', async () => {
    const h = await harness();
    const outcome = await h.run({ kind: 'start', scenarioId: 'mini-recsis' });
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'unknown-scenario',
        params: { id: 'mini-recsis', suggestions: 'mini-recsys' },
      },
    });
    expect(h.store.records.size).toBe(0);
  });

  it('start on an id that exists: session-exists; missing session: no-session', async () => {
    const h = await harness();
    await h.ok(start);
    expect(await h.run(start)).toMatchObject({ ok: false, error: { code: 'session-exists' } });
    expect(await h.run({ kind: 'status' }, { sessionId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'no-session' },
    });
  });

  it('without a session id, commands go to the candidate’s newest active interview', async () => {
    const h = await harness();
    await h.ok(start);
    const outcome = await h.engine.execute({ actor: ANA, command: { kind: 'status' } });
    expect(outcome).toMatchObject({ ok: true, sessionId: 's1' });
    const none = await h.engine.execute({ actor: 'terminal:zoe', command: { kind: 'status' } });
    expect(none).toMatchObject({ ok: false, error: { code: 'no-session' } });
  });

  it('generates a session id when start has none', async () => {
    const h = await harness();
    const outcome = await h.engine.execute({ actor: ANA, command: start });
    expect(outcome.ok && outcome.sessionId).toMatch(/^id-/);
  });

  it('status reports stage, time and ports', async () => {
    const h = await harness();
    await h.ok(start);
    h.clock.advanceMinutes(2);
    const [reply] = await h.ok({ kind: 'status' });
    expect(reply).toMatchObject({
      kind: 'status',
      status: {
        stage: 'requirements',
        stageNumber: 1,
        stageCount: 3,
        stageElapsedMs: 120_000,
        stageBudgetMs: 300_000,
        interviewer: 'offline',
        scorer: 'offline',
        status: 'active',
      },
    });
  });

  it('abandon stops without scoring', async () => {
    const h = await harness();
    await h.ok(start);
    await h.ok({ kind: 'answer', text: 'Watch time matters.' });
    const replies = await h.ok({ kind: 'abandon' });
    expect(texts(replies)[0]).toMatch(/abandoned/);
    const session = await h.session();
    expect(session.status).toBe('abandoned');
    expect(h.scorer.calls).toHaveLength(0);
    expect(await h.run({ kind: 'next' })).toMatchObject({ error: { code: 'session-over' } });
  });

  it('scorecard mid-interview is provisional and says so', async () => {
    const h = await harness();
    await h.ok(start);
    await h.ok({ kind: 'answer', text: 'Watch time is the objective.' });
    await h.ok({ kind: 'next' });
    const replies = await h.ok({ kind: 'scorecard' });
    expect(texts(replies)[0]).toMatch(/still going/);
    const card = (replies[1] as Extract<Reply, { kind: 'scorecard' }>).scorecard;
    expect(card.stages[0]!.score).not.toBeNull();
    expect((await h.session()).scorecard).toBeUndefined();
  });

  it('runs in Chinese', async () => {
    const h = await harness();
    const opened = await h.ok({ ...start, lang: 'zh' });
    expect(opened.at(-1)).toMatchObject({ kind: 'stage-opened', title: '明确需求' });
    const replies = await h.ok({ kind: 'answer', text: '日活有多少？' });
    expect(texts(replies)[0]).toContain('日活大约一千万');
  });
});

describe('modes', () => {
  it('coach mode gives stage feedback with missed key points after each stage', async () => {
    const h = await harness();
    await h.ok({ ...start, mode: 'coach' });
    await h.ok({ kind: 'answer', text: 'The objective is watch time.' });
    const replies = await h.ok({ kind: 'next' });
    expect(kinds(replies)).toEqual(['stage-feedback', 'stage-opened']);
    const feedback = replies[0] as Extract<Reply, { kind: 'stage-feedback' }>;
    expect(feedback.title).toBe('Clarifying requirements');
    expect(feedback.score.missedKeyPoints).toEqual(['Asks about scale and latency.']);
    const session = await h.session();
    expect(session.turns.some((t) => t.kind === 'feedback')).toBe(true);
  });

  it('interview mode keeps feedback for the end', async () => {
    const h = await harness();
    await h.ok(start);
    await h.ok({ kind: 'answer', text: 'The objective is watch time.' });
    const replies = await h.ok({ kind: 'next' });
    expect(kinds(replies)).toEqual(['stage-opened']);
  });
});
