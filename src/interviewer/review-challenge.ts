/**
 * The interviewer's use of the diagram and estimate checks (src/review): a diagram that cannot
 * be read is answered with the parser's reason; otherwise the most important finding not yet
 * raised becomes the next question (estimates first, then mistakes in the diagram, then
 * missing flows, missing components, unknown boxes). Each is raised once per interview.
 */
import type { InterviewerContext } from '../engine/ports.ts';
import { type AnswerReview, reviewAnswer } from '../review/review.ts';
import { diagramAsk, estimateAsk, problemText } from '../review/wording.ts';
import type { DiagramFinding } from '../diagrams/critique.ts';
import type { EstimateFinding } from '../estimates/check.ts';

export interface ReviewChallenge {
  message: string;
  /** Absent for an unreadable diagram: that reply is given every time it happens. */
  key?: string;
}

const DIAGRAM_ORDER: DiagramFinding['code'][] = [
  'training-serving-skew',
  'self-labels',
  'heavy-sync-model',
  'missing-flow',
  'missing-component',
  'unknown-box',
];

function diagramKey(f: DiagramFinding): string {
  const subject =
    f.code === 'missing-component'
      ? f.component
      : f.code === 'missing-flow'
        ? f.flow
        : f.code === 'unknown-box' || f.code === 'heavy-sync-model'
          ? f.box.toLowerCase()
          : '';
  return `review:${f.code}${subject ? `:${subject}` : ''}`;
}

function estimateKey(f: EstimateFinding): string {
  const subject =
    f.code === 'rate-off'
      ? f.given
      : f.code === 'fact-off'
        ? f.fact
        : f.code === 'unreadable'
          ? f.text
          : f.expression;
  return `review:${f.code}:${subject.toLowerCase().slice(0, 60)}`;
}

export function reviewChallengeFrom(
  context: InterviewerContext,
  review: AnswerReview,
): ReviewChallenge | null {
  const expects = context.scenario.diagram;
  if (!expects) return null;
  const lang = context.lang;
  const problem = review.problems[0];
  if (problem) return { message: problemText(problem, lang) };
  const asked = new Set(context.session.stages.flatMap((s) => s.followupsAsked));
  for (const f of review.estimates) {
    const key = estimateKey(f);
    if (!asked.has(key)) return { message: estimateAsk(f, lang), key };
  }
  const ordered = [...review.diagram].sort(
    (a, b) => DIAGRAM_ORDER.indexOf(a.code) - DIAGRAM_ORDER.indexOf(b.code),
  );
  for (const f of ordered) {
    const key = diagramKey(f);
    if (!asked.has(key)) return { message: diagramAsk(f, expects, lang), key };
  }
  return null;
}

export async function reviewChallenge(
  context: InterviewerContext,
  message: string,
): Promise<ReviewChallenge | null> {
  return reviewChallengeFrom(context, await reviewAnswer(context.scenario, message));
}
