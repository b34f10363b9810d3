/**
 * Wraps any stage scorer so a diagram counts as part of the answer and the checks show on the
 * scorecard: a diagram is added to the answer in words (components and what feeds what), the
 * diagram critique and estimate checks become the stage's notes, and a correct estimate is
 * credited as evidence. An answer with neither a diagram nor a checked figure is passed
 * through untouched, so its score is exactly what the inner scorer gives.
 */
import type { StageScorer, StageScoringInput } from '../engine/ports.ts';
import { noteText, type ScoreNote } from '../engine/messages.ts';
import type { StageId } from '../engine/types.ts';
import { diagramProse, hasContent, reviewAnswer } from '../review/review.ts';
import { creditNote, diagramNote, estimateNote, problemText } from '../review/wording.ts';

/** The criterion a correct estimate is evidence for, in the stages where estimates matter. */
const ESTIMATE_CRITERION: Partial<Record<StageId, string>> = {
  requirements: 'scope-constraints',
  architecture: 'end-to-end-flow',
  data: 'data-sources',
  serving: 'latency-throughput',
  scaling: 'serving-scale-out',
};

/** Notes beyond this many are summarised: the scorecard is not the place for a full audit. */
const MAX_NOTES = 6;

export function withReview(inner: StageScorer): StageScorer {
  return {
    get kind() {
      return inner.kind;
    },
    async score(input: StageScoringInput) {
      const expects = input.scenario.diagram;
      const review = expects ? await reviewAnswer(input.scenario, input.answer) : null;
      if (!expects || !review || !hasContent(review)) return inner.score(input);
      // Only a whole design (3+ boxes) is worth restating; a stray "A -> B" in prose is not.
      const answer =
        review.graph && review.graph.nodes.length >= 3
          ? `${input.answer}\n\n${diagramProse(review.graph, expects, input.lang)}`
          : input.answer;
      const score = await inner.score({ ...input, answer });
      const notes = [
        ...review.problems.map((p) => problemText(p, input.lang)),
        ...review.estimates.map((f) => estimateNote(f, input.lang)),
        ...review.diagram.map((f) => diagramNote(f, expects, input.lang)),
        ...review.credits.map((c) => creditNote(c.text, input.lang)),
      ];
      const criterionId = ESTIMATE_CRITERION[input.stage.id];
      const criteria = score.criteria.map((c) =>
        c.id === criterionId && review.credits.length > 0
          ? { ...c, evidence: [...c.evidence, ...review.credits.map((cr) => cr.text)] }
          : c,
      );
      const shown: ScoreNote[] = notes.slice(0, MAX_NOTES).map((text) => ({ code: 'check', text }));
      if (notes.length > MAX_NOTES)
        shown.push({ code: 'more-checks', count: notes.length - MAX_NOTES });
      const checks = shown.map((note) => noteText(note, input.lang));
      return { ...score, criteria, notes: [...score.notes, ...shown], checks };
    },
  };
}
