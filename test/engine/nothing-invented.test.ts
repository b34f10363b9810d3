/** No score without answers, and a message starting with "/" is never taken as an answer. */
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/engine/types.ts';
import { ANA, harness, kinds, texts } from './fakes.ts';

const start = { kind: 'start', scenarioId: 'mini-recsys' } as const;

function historyOf(replies: Reply[]) {
  const reply = replies[0];
  if (reply?.kind !== 'history') throw new Error('no history reply');
  return reply.history;
}

describe('an interview with no answers', () => {
  it('/end gives "not enough to judge", no score, and is not counted in history', async () => {
    const h = await harness();
    await h.ok(start);
    const replies = await h.ok({ kind: 'end' });
    expect(kinds(replies)).not.toContain('scorecard');
    expect(texts(replies).join(' ')).toMatch(/^Not enough to judge: no stage was answered/);
    const session = await h.session();
    expect(session.status).toBe('abandoned');
    expect(session.scorecard).toBeUndefined();
    expect(h.scorer.calls).toHaveLength(0);

    const after = await h.ok({ kind: 'scorecard' });
    expect(kinds(after)).toEqual(['message']);
    expect(texts(after)[0]).toMatch(/^Not enough to judge/);

    const outcome = await h.engine.execute({ actor: ANA, command: { kind: 'history' } });
    if (!outcome.ok) throw new Error('history failed');
    const history = historyOf(outcome.replies);
    expect(history.entries).toEqual([]);
    expect(history.trend).toEqual([]);
  });

  it('/scorecard before any answer says so instead of showing an invented score', async () => {
    const h = await harness();
    await h.ok(start);
    const replies = await h.ok({ kind: 'scorecard' });
    expect(kinds(replies)).toEqual(['message']);
    expect(texts(replies)[0]).toMatch(/^Not enough to judge yet/);
    expect((await h.session()).status).toBe('active');
  });

  it('/next through every stage without answering ends the same way', async () => {
    const h = await harness();
    await h.ok(start);
    const stages = (await h.session()).plan.length;
    let last: Reply[] = [];
    for (let i = 0; i < stages; i++) last = await h.ok({ kind: 'next' });
    expect(kinds(last)).not.toContain('scorecard');
    expect(texts(last).join(' ')).toMatch(/Not enough to judge/);
  });

  it('in Chinese too', async () => {
    const h = await harness();
    await h.ok({ ...start, lang: 'zh' });
    expect(texts(await h.ok({ kind: 'end' })).join(' ')).toMatch(/信息不足，无法评判/);
  });
});

describe('messages that start with "/"', () => {
  it.each(['/hint please', '/end now', '/', '  /next'])(
    '%j is refused as not a command and not recorded as an answer',
    async (text) => {
      const h = await harness();
      await h.ok(start);
      const outcome = await h.run({ kind: 'answer', text });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'not-a-command' } });
      const session = await h.session();
      expect(session.turns.filter((t) => t.role === 'candidate')).toEqual([]);
      expect(session.status).toBe('active');
    },
  );
});
