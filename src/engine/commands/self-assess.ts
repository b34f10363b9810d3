/**
 * `self-assess`: the candidate's rating of a stage before the scorecard (or a skip of the
 * rest). Their choice of being asked at all is `self-assess-setting` (candidate-setting.ts).
 */
import { askNextRating, awaitingSelfAssessment, recordRating } from '../self-assessment.ts';
import type { SessionCommandHandler } from './handler.ts';

export const selfAssessHandler: SessionCommandHandler = {
  allowedIn: ['finished'],
  usesLlm: false,
  completesPending: false,
  validate(command) {
    if (command.kind !== 'self-assess' || command.level === undefined) return null;
    return [1, 2, 3, 4].includes(command.level) ? null : { code: 'not-a-command' };
  },
  async run(turn, command) {
    if (command.kind !== 'self-assess') return;
    const { session } = turn;
    // Already rated (or never asked): a late press just shows the scorecard.
    if (!awaitingSelfAssessment(session)) {
      if (session.scorecard) turn.replies.push({ kind: 'scorecard', scorecard: session.scorecard });
      return;
    }
    recordRating(turn, command.stage, command.level);
    await turn.save();
    if (session.selfAssessment?.done)
      turn.replies.push({ kind: 'scorecard', scorecard: session.scorecard! });
    else askNextRating(turn);
  },
};
