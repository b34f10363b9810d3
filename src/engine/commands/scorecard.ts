/** `scorecard`: the final scorecard, or the scorecard so far while the interview runs. */
import { mistakesFor } from '../../knowledge/knowledge.ts';
import { msg } from '../messages.ts';
import { notices } from '../notices.ts';
import { anyStageScored } from '../stage-flow.ts';
import { buildScorecard } from '../scorecard.ts';
import type { SessionTurn } from '../session-turn.ts';
import type { Scorecard } from '../types.ts';
import type { SessionCommandHandler } from './handler.ts';
import { askNextRating, awaitingSelfAssessment } from '../self-assessment.ts';

/**
 * The stored scorecard of a finished interview, else one built from the stages closed so far;
 * null while no stage has a score (nothing to judge: no score is invented).
 */
export function currentScorecard(turn: SessionTurn): Scorecard | null {
  if (turn.session.scorecard) return turn.session.scorecard;
  if (!anyStageScored(turn)) return null;
  return buildScorecard({
    session: turn.session,
    scenario: turn.scenario,
    framework: turn.framework,
    now: turn.now(),
    mistakes: mistakesFor(turn.services.knowledge, turn.scenario),
  });
}

export const scorecardHandler: SessionCommandHandler = {
  allowedIn: ['active', 'finished', 'abandoned'],
  usesLlm: false,
  completesPending: false,
  async run(turn) {
    // The candidate rates the stages before seeing any score.
    if (awaitingSelfAssessment(turn.session)) {
      askNextRating(turn);
      return;
    }
    const scorecard = currentScorecard(turn);
    if (!scorecard) {
      const n = notices(turn.lang);
      turn.note(turn.session.status === 'active' ? n.notEnoughToJudgeYet : n.notEnoughToJudge);
      return;
    }
    if (!turn.session.scorecard) turn.note(msg(turn.lang).scorecardInProgress);
    turn.replies.push({ kind: 'scorecard', scorecard });
  },
};
