import { describe, expect, it } from 'vitest';
import { STAGE_TEXT_CAP } from '../../src/engine/answer-text.ts';
import { harness, texts } from './fakes.ts';
import { noteText, type StoredNote } from '../../src/engine/messages.ts';

/** A score's notes in words (the engine words the codes in the interview's language). */
const noteTexts = (score: { notes: StoredNote[] }, lang: 'en' | 'zh' = 'en') =>
  score.notes.map((note) => noteText(note, lang));

const start = { kind: 'start', scenarioId: 'mini-recsys' } as const;

describe('bad input', () => {
  it.each(['', '   ', '\n\t\n', '\u0007\u001b[31m'])(
    'empty answer %j: error, state unchanged',
    async (text) => {
      const h = await harness();
      await h.ok(start);
      const before = await h.session();
      expect(await h.run({ kind: 'answer', text })).toMatchObject({
        ok: false,
        error: { code: 'empty-answer' },
      });
      expect(await h.session()).toEqual(before);
      expect(h.interviewer.calls).toBe(0);
    },
  );

  it('strips control characters and terminal escapes, keeps newlines and tabs', async () => {
    const h = await harness();
    await h.ok(start);
    await h.ok({
      kind: 'answer',
      text: 'line one\u0000\u0007\r\n\tindented \u001b[31mred\u001b[0m\u009b end',
    });
    const message = (await h.session()).turns.find((t) => t.role === 'candidate');
    expect(message?.text).toBe('line one\n\tindented red end');
  });

  it('a 50,000-character answer is kept in full; the interviewer and scorer read a capped part', async () => {
    const h = await harness();
    await h.ok(start);
    const huge = `The objective is watch time. ${'x'.repeat(50_000 - 29)}`;
    expect(huge).toHaveLength(50_000);
    const replies = texts(await h.ok({ kind: 'answer', text: huge }));
    expect(replies[0]).toBe(
      'Your message is 50,000 characters long. It is kept in full in the transcript, but only the first 12,000 characters of this stage are read by the interviewer and the scorer.',
    );
    const session = await h.session();
    expect(session.turns.find((t) => t.role === 'candidate')?.text).toHaveLength(50_000);

    await h.ok({ kind: 'next' });
    const input = h.scorer.calls[0]!;
    expect(input.answer).toHaveLength(STAGE_TEXT_CAP);
    expect(input.turns.find((t) => t.role === 'candidate')?.text).toHaveLength(STAGE_TEXT_CAP);
    const score = (await h.session()).stages[0]!.score!;
    expect(noteTexts(score)).toContain(
      "Only the first 12,000 characters of this stage's answers were scored.",
    );
  });

  it('says so once when several answers together pass the cap', async () => {
    const h = await harness();
    await h.ok(start);
    const part = 'y'.repeat(7_000);
    expect(texts(await h.ok({ kind: 'answer', text: part })).join(' ')).not.toMatch(/12,000/);
    expect(texts(await h.ok({ kind: 'answer', text: part }))[0]).toMatch(
      /more than 12,000 characters/,
    );
    expect(texts(await h.ok({ kind: 'answer', text: part })).join(' ')).not.toMatch(/12,000/);
  });
});
