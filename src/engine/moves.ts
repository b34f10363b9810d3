/** Recording what the interviewer did: transcript turn, reply, facts revealed, follow-ups asked. */
import type { InterviewerMove, InterviewerMoveKind } from './ports.ts';
import type { SessionTurn } from './session-turn.ts';
import type { Turn, TurnKind } from './types.ts';

// 'advance' and 'wrapup' moves are shown as messages; moving on stays the candidate's call
// (or the pacing rule's), so an interviewer can never skip a stage on its own.
const TURN_KIND: Record<InterviewerMoveKind, TurnKind> = {
  clarify: 'clarify',
  probe: 'probe',
  followup: 'followup',
  hint: 'hint',
  acknowledge: 'acknowledge',
  advance: 'acknowledge',
  wrapup: 'acknowledge',
};

export function recordMove(turn: SessionTurn, move: InterviewerMove): Turn {
  turn.recordUsage(move.usage);
  const progress = turn.progress();
  const factIds = new Set(turn.scenario.facts.map((f) => f.id));
  for (const id of move.revealedFacts) {
    if (factIds.has(id) && !progress.revealedFacts.includes(id)) progress.revealedFacts.push(id);
  }
  if (move.followupKey && !progress.followupsAsked.includes(move.followupKey)) {
    progress.followupsAsked.push(move.followupKey);
  }
  if (move.challengedMistakes && move.challengedMistakes.length > 0) {
    // The mistake was made in the candidate's newest message of this stage.
    const made = turn.stageTurns().findLast((t) => t.role === 'candidate');
    progress.mistakes ??= [];
    for (const id of move.challengedMistakes) {
      if (made && !progress.mistakes.some((m) => m.id === id)) {
        progress.mistakes.push({ id, turnId: made.id });
      }
    }
  }
  if (move.fallback) {
    turn.services.logger.warn(
      { sessionId: turn.session.id, move: move.move, fallback: move.fallback },
      'interviewer fell back',
    );
  }
  const recorded = turn.addTurn('interviewer', TURN_KIND[move.move], move.message);
  turn.say(move.message);
  return recorded;
}
