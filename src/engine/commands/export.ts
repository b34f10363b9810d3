/** `export`: the transcript and the scorecard (so far) as a Markdown file. */
import { exportFilename, renderMarkdown } from '../markdown.ts';
import { awaitingSelfAssessment } from '../self-assessment.ts';
import { currentScorecard } from './scorecard.ts';
import type { SessionCommandHandler } from './handler.ts';

export const exportHandler: SessionCommandHandler = {
  allowedIn: ['active', 'finished', 'abandoned'],
  usesLlm: false,
  completesPending: false,
  async run(turn) {
    const markdown = renderMarkdown({
      session: turn.session,
      scenario: turn.scenario,
      framework: turn.framework,
      // While the candidate rates the stages, the file shows no scores either.
      scorecard: awaitingSelfAssessment(turn.session) ? null : currentScorecard(turn),
    });
    turn.replies.push({ kind: 'export', filename: exportFilename(turn.session), markdown });
  },
};
