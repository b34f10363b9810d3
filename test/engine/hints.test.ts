import { describe, expect, it } from 'vitest';
import { harness, texts } from './fakes.ts';

describe('hints', () => {
  it('gives the stage hints in order, counts them, and says when they are all used', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys' });
    const first = texts(await h.ok({ kind: 'hint' }));
    expect(first).toEqual(['Hint 1 of 3: Hint 1 for requirements: think about the goal.']);
    expect(texts(await h.ok({ kind: 'hint' }))[0]).toMatch(/^Hint 2 of 3: Hint 2/);
    expect(texts(await h.ok({ kind: 'hint' }))[0]).toMatch(/^Hint 3 of 3: Hint 3/);
    const none = await h.ok({ kind: 'hint' });
    expect(none).toEqual([
      expect.objectContaining({ from: 'system', text: expect.stringMatching(/used all 3 hints/) }),
    ]);
    expect((await h.session()).stages[0]!.hintsUsed).toBe(3);

    // Counted per stage: the next stage starts again at hint 1.
    await h.ok({ kind: 'next' });
    expect(texts(await h.ok({ kind: 'hint' }))[0]).toMatch(/^Hint 1 of 3: Hint 1 for metrics/);

    // A scorecard needs an answered stage (an interview with none ends without a score).
    await h.ok({ kind: 'answer', text: 'We track watch time per session as the metric.' });
    const replies = await h.ok({ kind: 'end' });
    const card = replies.find((r) => r.kind === 'scorecard');
    if (card?.kind !== 'scorecard') throw new Error('no scorecard');
    expect(card.scorecard.hintsUsed).toBe(4);
    expect(card.scorecard.stages.map((s) => s.hintsUsed)).toEqual([3, 1, 0]);
    expect(card.scorecard.nextSteps.join(' ')).toMatch(/without hints/);
  });

  it('hints are in the transcript as hint turns', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys', lang: 'zh' });
    await h.ok({ kind: 'hint' });
    const session = await h.session();
    expect(session.turns.at(-1)).toMatchObject({ kind: 'hint', role: 'interviewer' });
    expect(session.turns.at(-1)!.text).toBe('提示 1/3：明确需求提示一：想想目标。');
  });
});
