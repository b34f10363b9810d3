import { describe, expect, it } from 'vitest';
import { DEDUPE_TTL_MS } from '../../src/engine/engine.ts';
import { describeError } from '../../src/engine/messages.ts';
import { harness, texts } from './fakes.ts';

const start = { kind: 'start', scenarioId: 'mini-recsys' } as const;

describe('crash safety: the candidate’s message is saved before any interviewer work', () => {
  it('an interviewer crash mid-turn loses nothing; the next command completes the turn first', async () => {
    const h = await harness();
    await h.ok(start);
    h.interviewer.failures = 1;
    const crashed = await h.run({ kind: 'answer', text: 'How many users are there?' });
    expect(crashed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(h.errors).toHaveLength(1);

    const saved = await h.session();
    const message = saved.turns.at(-1)!;
    expect(message).toMatchObject({ role: 'candidate', text: 'How many users are there?' });
    expect(saved.pending).toEqual({ turnId: message.id, receivedAt: h.clock.now() });

    const replies = texts(await h.ok({ kind: 'answer', text: 'What is the latency budget?' }));
    expect(replies).toEqual([
      'Picking up your earlier message, which was interrupted:',
      'Good question. About 10 million daily active users.',
      'Good question. The page must render within 200 ms at p99.',
    ]);
    const after = await h.session();
    expect(after.pending).toBeUndefined();
    expect(after.turns.filter((t) => t.role === 'candidate').map((t) => t.text)).toEqual([
      'How many users are there?',
      'What is the latency budget?',
    ]);
    // Each candidate message is followed by its answer, in order.
    const roles = after.turns.slice(-4).map((t) => `${t.role}:${t.kind}`);
    expect(roles).toEqual([
      'candidate:answer',
      'interviewer:clarify',
      'candidate:answer',
      'interviewer:clarify',
    ]);
  });

  it('status (what a resumed terminal sends first) completes a pending turn too', async () => {
    const h = await harness();
    await h.ok(start);
    h.interviewer.failures = 1;
    await h.run({ kind: 'answer', text: 'How many users are there?' });
    const replies = await h.ok({ kind: 'status' });
    expect(texts(replies)).toEqual([
      'Picking up your earlier message, which was interrupted:',
      'Good question. About 10 million daily active users.',
    ]);
    expect(replies.at(-1)?.kind).toBe('status');
    expect((await h.session()).pending).toBeUndefined();
  });

  it('next after a crash answers the pending message, then scores it with the stage', async () => {
    const h = await harness();
    await h.ok(start);
    h.interviewer.failures = 1;
    await h.run({ kind: 'answer', text: 'The objective is watch time.' });
    await h.ok({ kind: 'next' });
    expect(h.scorer.calls[0]!.answer).toBe('The objective is watch time.');
  });

  it('a scorer crash leaves the stage open; the next try closes it', async () => {
    const h = await harness();
    await h.ok(start);
    await h.ok({ kind: 'answer', text: 'The objective is watch time.' });
    const realScore = h.scorer.score.bind(h.scorer);
    let fail = true;
    h.scorer.score = async (input) => {
      if (fail) {
        fail = false;
        throw new Error('scorer down (test)');
      }
      return realScore(input);
    };
    expect(await h.run({ kind: 'next' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect((await h.session()).stageIndex).toBe(0);
    await h.ok({ kind: 'next' });
    const session = await h.session();
    expect(session.stageIndex).toBe(1);
    expect(session.stages[0]!.score).toBeDefined();
  });

  it('a failure after part of the turn was saved still shows what was saved', async () => {
    const h = await harness();
    await h.ok(start);
    h.clock.advanceMinutes(6); // over budget: the answer is answered, then the stage closes
    h.scorer.score = async () => {
      throw new Error('scorer down (test)');
    };
    const outcome = await h.run({ kind: 'answer', text: 'How many users are there?' });
    if (!outcome.ok) throw new Error('expected the saved reply to be shown');
    expect(texts(outcome.replies)).toEqual([
      'Good question. About 10 million daily active users.',
      expect.stringMatching(/went wrong/),
    ]);
    const session = await h.session();
    expect(session.pending).toBeUndefined();
    expect(session.stageIndex).toBe(0);
  });
});

describe('concurrency', () => {
  it('a version conflict before the message is saved reloads and keeps both writes', async () => {
    const h = await harness();
    await h.ok(start);
    h.store.beforePut = async () => {
      const other = await h.session();
      other.stages[0]!.revealedFacts.push('catalog-size');
      await h.store.overwrite(other);
    };
    await h.ok({ kind: 'answer', text: 'Watch time is the objective.' });
    const session = await h.session();
    expect(session.turns.filter((t) => t.role === 'candidate')).toHaveLength(1);
    expect(session.stages[0]!.revealedFacts).toContain('catalog-size');
    expect(session.pending).toBeUndefined();
  });

  it('a version conflict after the message is saved completes it once, without a duplicate reply', async () => {
    const h = await harness();
    await h.ok(start);
    h.interviewer.onCall = async () => {
      h.interviewer.onCall = null;
      const other = await h.session();
      other.stages[0]!.revealedFacts.push('catalog-size');
      await h.store.overwrite(other);
    };
    const replies = texts(await h.ok({ kind: 'answer', text: 'How many users are there?' }));
    expect(replies).toEqual(['Good question. About 10 million daily active users.']);
    const session = await h.session();
    expect(session.turns.filter((t) => t.role === 'candidate')).toHaveLength(1);
    expect(session.turns.filter((t) => t.kind === 'clarify')).toHaveLength(1);
    expect(session.stages[0]!.revealedFacts).toEqual(['catalog-size', 'daily-users']);
    expect(h.interviewer.calls).toBe(2);
  });

  it('conflicts that never stop end in busy, not a lost or doubled message', async () => {
    const h = await harness();
    await h.ok(start);
    const conflictForever = async () => {
      const other = await h.session();
      await h.store.overwrite(other);
      h.store.beforePut = conflictForever;
    };
    h.store.beforePut = conflictForever;
    const outcome = await h.run({ kind: 'followup' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'busy' } });
    h.store.beforePut = null;
  });

  it('two answers at once are both kept, in order, once', async () => {
    const h = await harness();
    await h.ok(start);
    await Promise.all([
      h.ok({ kind: 'answer', text: 'first' }),
      h.ok({ kind: 'answer', text: 'second' }),
    ]);
    const session = await h.session();
    expect(session.turns.filter((t) => t.role === 'candidate').map((t) => t.text)).toEqual([
      'first',
      'second',
    ]);
  });

  it('a redelivered message (same messageId) is processed once', async () => {
    const h = await harness();
    await h.ok(start);
    await h.ok({ kind: 'answer', text: 'Watch time.', messageId: 'm-1' });
    const again = await h.ok({ kind: 'answer', text: 'Watch time.', messageId: 'm-1' });
    expect(again).toEqual([]);
    const session = await h.session();
    expect(session.turns.filter((t) => t.role === 'candidate')).toHaveLength(1);
  });

  it('a message whose first delivery died before it was stored is processed on redelivery', async () => {
    const h = await harness();
    await h.ok(start);
    // The first delivery claimed the id, then its process was killed before saving anything.
    expect(await h.store.claimOnce('message:m-1', DEDUPE_TTL_MS)).toBe(true);
    const replies = texts(await h.ok({ kind: 'answer', text: 'Watch time.', messageId: 'm-1' }));
    expect(replies).not.toEqual([]);
    const session = await h.session();
    expect(session.turns.filter((t) => t.role === 'candidate').map((t) => t.text)).toEqual([
      'Watch time.',
    ]);
    // A further redelivery is still processed once.
    expect(await h.ok({ kind: 'answer', text: 'Watch time.', messageId: 'm-1' })).toEqual([]);
    expect((await h.session()).turns.filter((t) => t.role === 'candidate')).toHaveLength(1);
  });

  it('a lock held elsewhere past the wait limit answers busy', async () => {
    const h = await harness();
    await h.ok(start);
    h.lock.busyKeys.add('session:s1');
    expect(await h.run({ kind: 'answer', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'busy' },
    });
  });
});

describe('usage guard', () => {
  it('refuses LLM-using commands before anything is written', async () => {
    const h = await harness();
    await h.ok(start);
    const before = await h.session();
    h.guard.refuse = { code: 'rate-limited', retryAfterMs: 4_500 };
    expect(await h.run({ kind: 'answer', text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'rate-limited', params: { retryAfterSeconds: 5 } },
    });
    h.guard.refuse = { code: 'budget-exhausted', retryAfterMs: 90 * 60_000 };
    expect(await h.run({ kind: 'next' })).toMatchObject({
      ok: false,
      error: { code: 'budget-exhausted', params: { retryAfterMinutes: 90 } },
    });
    expect(await h.session()).toEqual(before);
    // Commands without LLM work are not limited.
    expect(await h.run({ kind: 'status' })).toMatchObject({ ok: true });
  });
});

describe('when the message itself could not be saved', () => {
  it('asks plainly to send it again', async () => {
    const h = await harness();
    await h.ok(start);
    h.store.beforePut = () => {
      throw new Error('disk full (test)');
    };
    const outcome = await h.run({ kind: 'answer', text: 'Watch time.' });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'internal', params: { resend: 1 } },
    });
    if (outcome.ok) return;
    expect(describeError(outcome.error, 'en')).toMatch(/not saved\. Please send it again/);
    expect((await h.session()).turns.some((t) => t.role === 'candidate')).toBe(false);
  });

  it('a saved message is not asked for again', async () => {
    const h = await harness();
    await h.ok(start);
    h.interviewer.failures = 1;
    const outcome = await h.run({ kind: 'answer', text: 'Watch time.' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (outcome.ok) return;
    expect(outcome.error.params).toBeUndefined();
    expect(describeError(outcome.error, 'en')).toMatch(/Your messages are saved/);
  });
});

it('a message saved by an earlier attempt is not asked for again when a retry fails', async () => {
  const h = await harness();
  await h.ok(start);
  // First attempt: saved, then a conflict; second attempt: the interviewer crashes.
  let calls = 0;
  h.interviewer.onCall = async () => {
    calls++;
    if (calls === 1) await h.store.overwrite(await h.session());
    else throw new Error('interviewer crashed (test)');
  };
  const outcome = await h.run({ kind: 'answer', text: 'Watch time.' });
  expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
  if (!outcome.ok) expect(outcome.error.params).toBeUndefined();
  expect(calls).toBe(2);
  expect((await h.session()).pending).toBeDefined();
});
