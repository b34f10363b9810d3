import { describe, expect, it } from 'vitest';
import { harness, kinds, texts } from './fakes.ts';

// The mini requirements stage has a 5-minute budget: nudge from 4 minutes, advance from 5.
describe('pacing with the injected clock', () => {
  it('nudges once at ~80% of the stage budget', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys' });
    h.clock.advanceMinutes(1);
    expect(
      texts(await h.ok({ kind: 'answer', text: 'Watch time is the objective.' })).join(' '),
    ).not.toMatch(/left for/);
    h.clock.advanceMinutes(3);
    const nudged = texts(await h.ok({ kind: 'answer', text: 'Scale matters too.' }));
    expect(nudged.at(-1)).toBe(
      'About 1 minute left for Clarifying requirements. Start wrapping up the key points.',
    );
    h.clock.advanceMinutes(0.5);
    const again = texts(await h.ok({ kind: 'answer', text: 'And latency.' }));
    expect(again.join(' ')).not.toMatch(/left for/);
    const session = await h.session();
    expect(session.stages[0]!.nudged).toBe(true);
    expect(session.turns.filter((t) => t.kind === 'nudge')).toHaveLength(1);
  });

  it('once the budget is spent, the next answer is answered, then the stage closes and is scored', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys' });
    await h.ok({ kind: 'answer', text: 'Watch time is the objective.' });
    h.clock.advanceMinutes(6);
    const replies = await h.ok({ kind: 'answer', text: 'How many users are there?' });
    expect(texts(replies)[0]).toContain('About 10 million daily active users.');
    expect(texts(replies)[1]).toBe(
      "We are out of time for Clarifying requirements, so let's move on.",
    );
    expect(replies.at(-1)).toMatchObject({ kind: 'stage-opened', stage: 'metrics' });
    expect(h.scorer.calls).toHaveLength(1);
    const session = await h.session();
    expect(session.stageIndex).toBe(1);
    expect(session.stages[0]!.score).toBeDefined();
    expect(session.stages[0]!.endedAt).toBe(h.clock.now());
  });

  it('does not probe when time is up', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys' });
    h.clock.advanceMinutes(5);
    await h.ok({ kind: 'answer', text: 'I think we should build something good.' });
    const session = await h.session();
    expect(session.turns.some((t) => t.kind === 'probe')).toBe(false);
  });

  it('time out on the last stage finishes the interview', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys' });
    await h.ok({ kind: 'next' });
    await h.ok({ kind: 'next' });
    h.clock.advanceMinutes(11);
    const replies = await h.ok({ kind: 'answer', text: 'A two-tower model with a baseline.' });
    expect(kinds(replies).at(-1)).toBe('scorecard');
    expect((await h.session()).status).toBe('finished');
  });

  it('records time per stage on the scorecard', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys' });
    h.clock.advanceMinutes(3);
    await h.ok({ kind: 'answer', text: 'Watch time.' });
    await h.ok({ kind: 'next' });
    h.clock.advanceMinutes(2);
    const replies = await h.ok({ kind: 'end' });
    const card = replies.find((r) => r.kind === 'scorecard');
    expect(card?.kind === 'scorecard' && card.scorecard.stages.map((s) => s.durationMs)).toEqual([
      180_000, 120_000, 0,
    ]);
    expect(card?.kind === 'scorecard' && card.scorecard.durationMs).toBe(300_000);
  });
});
