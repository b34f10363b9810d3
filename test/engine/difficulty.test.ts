import { describe, expect, it } from 'vitest';
import type { Difficulty } from '../../src/engine/types.ts';
import { harness } from './fakes.ts';

/** Three vague answers per stage in two stages; counts the interviewer's unprompted probes. */
async function probesPerStage(difficulty: Difficulty): Promise<number[]> {
  const h = await harness();
  await h.ok({ kind: 'start', scenarioId: 'mini-recsys', difficulty });
  for (let stage = 0; stage < 2; stage++) {
    for (let i = 0; i < 3; i++)
      await h.ok({ kind: 'answer', text: `A vague answer number ${i} in stage ${stage}.` });
    await h.ok({ kind: 'next' });
  }
  const session = await h.session();
  return ['requirements', 'metrics'].map(
    (stage) => session.turns.filter((t) => t.stage === stage && t.kind === 'probe').length,
  );
}

describe('difficulty sets how often the interviewer probes unprompted', () => {
  it('easy: at most one probe in the whole interview', async () => {
    expect(await probesPerStage('easy')).toEqual([1, 0]);
  });
  it('medium: one per stage', async () => {
    expect(await probesPerStage('medium')).toEqual([1, 1]);
  });
  it('hard: up to two per stage', async () => {
    expect(await probesPerStage('hard')).toEqual([2, 2]);
  });
  it('asked-for follow-ups are not limited by difficulty', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys', difficulty: 'easy' });
    await h.ok({ kind: 'followup' });
    await h.ok({ kind: 'followup' });
    const session = await h.session();
    expect(session.turns.filter((t) => t.kind === 'followup')).toHaveLength(2);
    expect(session.stages[0]!.followupsAsked).toEqual(['scenario:2', 'stage:requirements:0']);
  });
  it('defaults to medium', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-fraud' });
    expect((await h.session()).difficulty).toBe('medium');
  });
});

describe('scenario lookup for adapters', () => {
  it('lists, finds by id and searches id, title and tags', async () => {
    const h = await harness();
    expect(h.engine.scenarios().map((s) => s.id)).toEqual(['mini-fraud', 'mini-recsys']);
    expect(h.engine.scenario('mini-fraud')?.title.en).toBe('Mini payment fraud detection');
    expect(h.engine.scenario('nope')).toBeNull();
    expect(h.engine.findScenarios('', 'en').map((s) => s.id)).toEqual([
      'mini-fraud',
      'mini-recsys',
    ]);
    expect(h.engine.findScenarios('video', 'en').map((s) => s.id)).toEqual(['mini-recsys']);
    expect(h.engine.findScenarios('反欺诈', 'zh').map((s) => s.id)).toEqual(['mini-fraud']);
    expect(h.engine.findScenarios('classification', 'en').map((s) => s.id)).toEqual(['mini-fraud']);
    expect(h.engine.findScenarios('mini', 'en', 1)).toHaveLength(1);
  });
});
