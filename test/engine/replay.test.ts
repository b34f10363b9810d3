/**
 * Replay references: which message a scorecard gap or mistake comes from (the evidence quote's
 * message; the stage's main answer for a missed key point or a weak criterion with no quote;
 * the message that made a mistake), kept with the platform's message id, and the export's
 * numbered turns the scorecard links to. Old scorecards without references still render.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/engine/markdown.ts';
import { gapLines, replayMistakeLines, turnNumberOnly } from '../../src/engine/replay.ts';
import type { Reply, Scorecard, Session } from '../../src/engine/types.ts';
import { reviewMistakes } from '../../src/interviewer/mistake-review.ts';
import type { Mistake } from '../../src/knowledge/schema.ts';
import { harness } from './fakes.ts';

type ScorecardReply = Extract<Reply, { kind: 'scorecard' }>;

const QUESTION = 'What is the latency?';
const MAIN_ANSWER =
  'I would build a recommender for the home page that shows popular videos to everyone first, then personalises them.';

async function finishedInterview() {
  const h = await harness();
  await h.ok({ kind: 'start', scenarioId: 'mini-recsys' });
  await h.ok({ kind: 'answer', text: QUESTION, messageId: 'msg-question' });
  await h.ok({ kind: 'answer', text: MAIN_ANSWER, messageId: 'msg-main' });
  const replies = await h.ok({ kind: 'end' });
  const card = (replies.find((r) => r.kind === 'scorecard') as ScorecardReply).scorecard;
  const session = await h.session();
  const turnOf = (messageId: string) =>
    session.turns.findIndex((t) => t.messageId === messageId) + 1;
  return { h, card, session, turnOf };
}

describe('replay references', () => {
  it('keeps the platform message id on the candidate turns', async () => {
    const { session } = await finishedInterview();
    const candidate = session.turns.filter((t) => t.role === 'candidate');
    expect(candidate.map((t) => [t.text, t.messageId])).toEqual([
      [QUESTION, 'msg-question'],
      [MAIN_ANSWER, 'msg-main'],
    ]);
  });

  it("points a weak criterion at its quote's message, and a missed point or a quoteless gap at the stage's main answer", async () => {
    const { card, turnOf } = await finishedInterview();
    expect(card.gapTurns).toHaveLength(card.gaps.length);
    const refOf = (pattern: RegExp) => card.gapTurns![card.gaps.findIndex((g) => pattern.test(g))];
    // Scale and constraints: 2/4 with "What is the latency?" as its evidence.
    expect(refOf(/Scale and constraints|scale-constraints/i)).toEqual({
      turn: turnOf('msg-question'),
      messageId: 'msg-question',
    });
    // Business objective: 1/4 with no quote → the main answer (the longest message).
    expect(refOf(/objective/i)).toEqual({ turn: turnOf('msg-main'), messageId: 'msg-main' });
    // The missed key point "watch time as the objective" → the main answer.
    expect(refOf(/missed "Pins down watch time/)).toEqual({
      turn: turnOf('msg-main'),
      messageId: 'msg-main',
    });
    expect(turnOf('msg-question')).toBe(3);
  });

  it('numbers every turn of the export and links each gap to its turn there', async () => {
    const { h, card, session, turnOf } = await finishedInterview();
    const markdown = renderMarkdown({
      session,
      scenario: h.knowledge.scenarios.get('mini-recsys')!,
      framework: h.knowledge.framework,
      scorecard: card,
    });
    const n = turnOf('msg-question');
    expect(markdown).toContain(`<a id="turn-${n}"></a>**#${n}** **Candidate:**\n\n> ${QUESTION}`);
    expect(markdown).toContain('<a id="turn-1"></a>**#1** **Interviewer:** We want to recommend');
    const gap = markdown.split('\n').find((l) => /^- Clarifying requirements, Scale/.test(l))!;
    expect(gap).toMatch(new RegExp(`\\(\\[turn ${n}\\]\\(#turn-${n}\\)\\)$`));
    // Every anchor the scorecard links to exists in the transcript.
    for (const [, target] of markdown.matchAll(/\]\(#(turn-\d+)\)/g))
      expect(markdown).toContain(`<a id="${target}"></a>`);
  });

  it('renders the turn number where an adapter has no link, and old scorecards as they were', async () => {
    const { card, turnOf } = await finishedInterview();
    const lines = gapLines(card, turnNumberOnly);
    expect(lines.some((l) => l.endsWith(`(turn ${turnOf('msg-main')})`))).toBe(true);
    const { gapTurns: _dropped, ...old } = card;
    expect(gapLines(old as Scorecard, turnNumberOnly)).toEqual(card.gaps);
    expect(gapLines(card, (ref) => `<${ref.messageId}>`)[0]).toMatch(/ <msg-(question|main)>$/);
  });

  it('points a design mistake at the message that made it', () => {
    const session = {
      lang: 'en',
      stages: [{ stage: 'metrics', mistakes: [{ id: 'accuracy-imbalanced', turnId: 't2' }] }],
      turns: [
        { id: 't1', stage: 'metrics', role: 'interviewer', kind: 'stage-open', text: 'Metrics?' },
        {
          id: 't2',
          stage: 'metrics',
          role: 'candidate',
          kind: 'answer',
          text: 'Accuracy.',
          messageId: '987',
        },
      ],
    } as unknown as Session;
    const mistake = {
      id: 'accuracy-imbalanced',
      title: { en: 'Accuracy on imbalanced data', zh: '不平衡数据用准确率' },
      why: { en: 'It hides the rare class.', zh: '掩盖少数类。' },
      recognise: { en: ['accuracy'], zh: ['准确率'] },
      recovered: { en: ['precision'], zh: ['精确率'] },
    } as unknown as Mistake;
    const made = reviewMistakes(session, [mistake], () => 'Metrics');
    expect(made[0]!.at).toEqual({ turn: 2, messageId: '987' });
    const card = { lang: 'en', gaps: [], mistakes: made } as unknown as Scorecard;
    expect(replayMistakeLines(card, turnNumberOnly)[0]).toMatch(/\(turn 2\)$/);
  });
});
