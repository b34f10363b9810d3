/**
 * What the code found in the candidate's latest diagram and estimates, for the LLM
 * interviewer's prompt: the arithmetic and the graph are checked in code, never left to the
 * model, and the model is asked to use the findings in its next question.
 */
import type { InterviewerContext } from '../../engine/ports.ts';
import { reviewAnswer } from '../../review/review.ts';
import { creditNote, diagramAsk, estimateAsk, problemText } from '../../review/wording.ts';
import { latestCandidateMessage } from '../probes.ts';

export async function reviewNotes(context: InterviewerContext): Promise<string[]> {
  const expects = context.scenario.diagram;
  if (!expects) return [];
  const review = await reviewAnswer(context.scenario, latestCandidateMessage(context));
  const lines = [
    ...review.problems.map((p) => problemText(p, 'en')),
    ...review.estimates.map((f) => estimateAsk(f, 'en')),
    ...review.diagram.map((f) => diagramAsk(f, expects, 'en')),
    ...review.credits.map((c) => creditNote(c.text, 'en')),
  ];
  if (lines.length === 0) return [];
  return [
    "<checks>Checked in code on the candidate's latest message (diagram parsed against the scenario, estimates recomputed with units). Base your next question on the first unresolved item; do not redo the arithmetic:",
    ...lines.slice(0, 6).map((l) => `- ${l}`),
    '</checks>',
    '',
  ];
}
