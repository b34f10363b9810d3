import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/engine/types.ts';
import { ANA, BOB, harness } from './fakes.ts';

type ForgetReply = Extract<Reply, { kind: 'forget' }>;

describe('forget (/forget-me)', () => {
  it('asks first and deletes nothing; with confirm deletes every interview of the actor only', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys' }, { sessionId: 'a1' });
    await h.ok({ kind: 'answer', text: 'The objective is watch time.' }, { sessionId: 'a1' });
    await h.ok({ kind: 'end' }, { sessionId: 'a1' });
    await h.ok({ kind: 'start', scenarioId: 'mini-fraud' }, { sessionId: 'a2' });
    await h.ok({ kind: 'start', scenarioId: 'mini-fraud' }, { sessionId: 'b1', actor: BOB });
    await h.engine.execute({ actor: ANA, command: { kind: 'reminders', on: true } });
    expect(await h.engine.candidateIndex.withReminders()).toContain(ANA);

    const ask = await h.engine.execute({ actor: ANA, command: { kind: 'forget' } });
    if (!ask.ok) throw new Error('forget failed');
    expect(ask.replies).toEqual([
      expect.objectContaining({ kind: 'forget', step: 'confirm', sessions: 2 }),
    ]);
    expect((ask.replies[0] as ForgetReply).text).toMatch(/cannot be undone/);
    expect(await h.store.get('a1')).not.toBeNull();

    const done = await h.engine.execute({ actor: ANA, command: { kind: 'forget', confirm: true } });
    if (!done.ok) throw new Error('forget failed');
    expect(done.replies[0]).toMatchObject({ kind: 'forget', step: 'done', sessions: 2 });
    expect(await h.store.get('a1')).toBeNull();
    expect(await h.store.get('a2')).toBeNull();
    expect(await h.store.get('b1')).not.toBeNull();

    const history = await h.engine.execute({ actor: ANA, command: { kind: 'history' } });
    expect(history.ok && history.replies[0]).toMatchObject({ history: { entries: [] } });
    // The practice index goes too: no schedule, no reminders.
    // (history above rebuilt an empty one from the sessions left: none.)
    const index = await h.engine.candidateIndex.read(ANA);
    expect(index?.entries ?? []).toEqual([]);
    expect(index?.reminders?.on ?? false).toBe(false);
    expect(await h.engine.candidateIndex.withReminders()).not.toContain(ANA);
    // The interview that was running is gone: the next answer finds no session.
    const after = await h.engine.execute({
      actor: ANA,
      sessionId: 'a2',
      command: { kind: 'answer', text: 'still here?' },
    });
    expect(after).toMatchObject({ ok: false, error: { code: 'no-session' } });
  });

  it('speaks Chinese when asked, and says so when there is nothing to delete', async () => {
    const h = await harness();
    const ask = await h.engine.execute({ actor: ANA, command: { kind: 'forget' }, lang: 'zh' });
    expect(ask.ok && (ask.replies[0] as ForgetReply).text).toMatch(/无法恢复/);
    const done = await h.engine.execute({
      actor: ANA,
      command: { kind: 'forget', confirm: true },
      lang: 'zh',
    });
    expect(done.ok && (done.replies[0] as ForgetReply).text).toMatch(/无需删除/);
  });
});
