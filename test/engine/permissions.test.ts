import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/engine/types.ts';
import { BOB, harness } from './fakes.ts';

const stranger: Command[] = [
  { kind: 'answer', text: 'I will answer for Ana.' },
  { kind: 'followup' },
  { kind: 'hint' },
  { kind: 'next' },
  { kind: 'end' },
  { kind: 'scorecard' },
  { kind: 'status' },
  { kind: 'export' },
  { kind: 'abandon' },
];

describe('only the candidate acts in their interview', () => {
  it.each(stranger.map((c) => [c.kind, c] as const))(
    'a stranger’s %s gets not-your-session and changes nothing',
    async (_kind, command) => {
      const h = await harness();
      await h.ok({ kind: 'start', scenarioId: 'mini-recsys' });
      const before = await h.session();
      const outcome = await h.run(command, { actor: BOB });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'not-your-session' } });
      expect(await h.session()).toEqual(before);
      expect(h.interviewer.calls).toBe(0);
      expect(h.scorer.calls).toHaveLength(0);
    },
  );

  it('answers a stranger in their own language when the adapter says it', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys' });
    const outcome = await h.run({ kind: 'hint' }, { actor: BOB, lang: 'zh' });
    expect(outcome).toMatchObject({ ok: false, lang: 'zh' });
  });

  it('a stranger’s history lists only their own interviews', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys' });
    const outcome = await h.run({ kind: 'history' }, { actor: BOB, sessionId: undefined });
    expect(outcome).toMatchObject({
      ok: true,
      replies: [{ kind: 'history', history: { entries: [] } }],
    });
  });
});
