/**
 * The practice loop in the engine: model answers (coach mode and on request), drills (weakest
 * stage, a scenario not done recently, counted as a drill), the review schedule behind
 * /practice, reminders on and off, and history read from the candidate index.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CandidateIndexStore } from '../../src/engine/ports.ts';
import type { Command, Reply, StageId } from '../../src/engine/types.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { memoryCandidateIndex } from '../../src/engine/candidate-index.ts';
import { ANA, harness, kinds, StubScorer, texts } from '../engine/fakes.ts';

/** The stub scorer with a fixed score per stage, so which stage is weakest is known. */
class FixedScorer extends StubScorer {
  constructor(private readonly byStage: Partial<Record<StageId, 1 | 2 | 3 | 4>>) {
    super();
  }
  override async score(input: Parameters<StubScorer['score']>[0]) {
    const base = await super.score(input);
    const level = this.byStage[input.stage.id] ?? 3;
    return { ...base, score: level, level };
  }
}

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge();
});

type ModelAnswer = Extract<Reply, { kind: 'model-answer' }>;

/** Counts reads so a test can tell history reads one record. */
function countingIndex(): CandidateIndexStore & { reads: number } {
  const inner = memoryCandidateIndex();
  const counting = {
    reads: 0,
    read(id: string) {
      counting.reads++;
      return inner.read(id);
    },
    update: inner.update.bind(inner),
    withReminders: inner.withReminders.bind(inner),
    forget: inner.forget.bind(inner),
  };
  return counting;
}

async function drill(h: Awaited<ReturnType<typeof harness>>, sessionId: string, stage?: StageId) {
  const plan = await h.engine.planDrill(ANA, stage ? { stage } : {});
  if (!plan.ok) throw new Error(JSON.stringify(plan.error));
  const start: Command = {
    kind: 'start',
    scenarioId: plan.scenarioId,
    drill: { stage: plan.stage, why: plan.why },
  };
  return { plan, replies: await h.ok(start, { sessionId }) };
}

describe('model answers', () => {
  it('follow the stage feedback in coach mode', async () => {
    const h = await harness({ knowledge });
    await h.ok({ kind: 'start', scenarioId: 'churn-prediction', mode: 'coach' });
    await h.ok({
      kind: 'answer',
      text: 'We want to reduce churn; the objective is retained revenue.',
    });
    const replies = await h.ok({ kind: 'next' });
    const at = kinds(replies).indexOf('model-answer');
    expect(kinds(replies)[at - 1]).toBe('stage-feedback');
    const answer = replies[at] as ModelAnswer;
    expect(answer.stage).toBe('requirements');
    expect(answer.text).toMatch(/^North star: retained revenue/);
  });

  it('are refused during an interview-mode interview and shown after it (weakest stage by default)', async () => {
    const h = await harness({ knowledge });
    await h.ok({ kind: 'start', scenarioId: 'churn-prediction' });
    await h.ok({ kind: 'answer', text: 'Retained revenue is the objective.' });
    const early = await h.ok({ kind: 'model-answer' });
    expect(kinds(early)).toEqual(['message']);
    expect(texts(early)[0]).toMatch(/after the interview/);
    await h.ok({ kind: 'end' });
    const [shown] = await h.ok({ kind: 'model-answer' });
    expect((shown as ModelAnswer).stage).toBe('requirements');
    const [metrics] = await h.ok({ kind: 'model-answer', stage: 'metrics' });
    expect((metrics as ModelAnswer).title).toBe(
      knowledge.framework.stages.find((s) => s.id === 'metrics')!.title.en,
    );
    const bad = await h.ok({ kind: 'model-answer', stage: 'nonsense' as StageId });
    expect(texts(bad)[0]).toMatch(/no stage "nonsense"/);
  });
});

describe('drills', () => {
  it('take the weakest stage by history, on a scenario not done recently, and count as drills', async () => {
    const index = countingIndex();
    const scorer = new FixedScorer({ requirements: 3, metrics: 2 });
    const h = await harness({ knowledge, candidateIndex: index, scorer });
    await h.ok({ kind: 'start', scenarioId: 'churn-prediction' }, { sessionId: 'full' });
    // A strong-ish requirements answer, an empty-ish metrics one: metrics is the weakest.
    await h.ok(
      {
        kind: 'answer',
        text: 'The objective is retained revenue; churn is defined as not renewing within 14 days; scale is 12M subscribers; latency 200 ms.',
      },
      { sessionId: 'full' },
    );
    await h.ok({ kind: 'next' }, { sessionId: 'full' });
    await h.ok({ kind: 'answer', text: 'Accuracy.' }, { sessionId: 'full' });
    await h.ok({ kind: 'end' }, { sessionId: 'full' });

    const { plan, replies } = await drill(h, 'd1');
    expect(plan.stage).toBe('metrics');
    expect(plan.why).toBe('weakest');
    expect(plan.scenarioId).not.toBe('churn-prediction');
    // One opening message, then the question: well within three messages.
    expect(kinds(replies)).toEqual(['message', 'stage-opened']);
    expect(texts(replies)[0]).toMatch(/^Drill: one stage/);
    const session = await h.session('d1');
    expect(session.plan).toEqual(['metrics']);
    expect(session.drill).toBe(true);
    expect(session.mode).toBe('coach');

    await h.ok(
      { kind: 'answer', text: 'Primary metric: AUC offline and CTR online.' },
      { sessionId: 'd1' },
    );
    const closing = await h.ok({ kind: 'next' }, { sessionId: 'd1' });
    expect(kinds(closing)).toContain('model-answer');
    expect(kinds(closing)).toContain('scorecard');

    index.reads = 0;
    const history = await h.engine.execute({ actor: ANA, command: { kind: 'history' } });
    expect(index.reads).toBe(1);
    if (!history.ok) throw new Error('history failed');
    const view = history.replies[0] as Extract<Reply, { kind: 'history' }>;
    expect(view.history.entries.map((e) => [e.sessionId, e.drill ?? false])).toEqual([
      ['d1', true],
      ['full', false],
    ]);
    // A drill is not an interview: the trend counts whole interviews only.
    expect(view.history.trend).toHaveLength(1);
  });

  it('takes the asked stage, and refuses an unknown one clearly', async () => {
    const h = await harness({ knowledge });
    const { plan } = await drill(h, 'd1', 'serving');
    expect(plan).toMatchObject({ ok: true, stage: 'serving', why: 'asked' });
    const bad = await h.engine.planDrill(ANA, { stage: 'cooking' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'unknown-stage' } });
  });
});

describe('schedule and /practice', () => {
  it('has nothing due before any score, then schedules a weak stage sooner than a strong one', async () => {
    const index = countingIndex();
    const scorer = new FixedScorer({ requirements: 4, metrics: 1 });
    const h = await harness({ knowledge, candidateIndex: index, scorer });
    const none = await h.engine.planDrill(ANA, { due: true });
    expect(none).toMatchObject({ ok: false, error: { code: 'nothing-due' } });

    await h.ok({ kind: 'start', scenarioId: 'churn-prediction' });
    await h.ok({
      kind: 'answer',
      text: 'The objective is retained revenue; churn is defined as not renewing within 14 days; scale is 12M subscribers; latency 200 ms; constraints and users.',
    });
    await h.ok({ kind: 'next' });
    await h.ok({ kind: 'answer', text: 'Accuracy.' });
    await h.ok({ kind: 'end' });
    const record = await index.read(ANA);
    const requirements = record!.stages.requirements!.card;
    const metrics = record!.stages.metrics!.card;
    expect(metrics.due).toBeLessThan(requirements.due);

    const early = await h.engine.planDrill(ANA, { due: true });
    expect(early).toMatchObject({ ok: false, error: { code: 'nothing-due' } });
    h.clock.time = metrics.due + 1;
    index.reads = 0;
    const due = await h.engine.planDrill(ANA, { due: true });
    expect(index.reads).toBe(1);
    expect(due).toMatchObject({ ok: true, stage: 'metrics', why: 'due' });
  });

  it('turns reminders on and off for the candidate only', async () => {
    const h = await harness({ knowledge });
    const on = await h.engine.execute({ actor: ANA, command: { kind: 'reminders', on: true } });
    expect(on.ok && texts(on.replies)[0]).toMatch(/reminders are on/);
    expect(await h.engine.candidateIndex.withReminders()).toEqual([ANA]);
    await h.engine.execute({ actor: ANA, command: { kind: 'reminders', on: false } });
    expect(await h.engine.candidateIndex.withReminders()).toEqual([]);
  });
});
