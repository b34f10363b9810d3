/** `hint`: the next hint for the current stage, gentle first; counted for the scorecard. */
import { msg } from '../messages.ts';
import { recordMove } from '../moves.ts';
import type { SessionCommandHandler } from './handler.ts';

export const hintHandler: SessionCommandHandler = {
  allowedIn: ['active'],
  usesLlm: true,
  completesPending: true,
  async run(turn) {
    const total = turn.stage().hints.length;
    const progress = turn.progress();
    if (progress.hintsUsed >= total) {
      turn.note(msg(turn.lang).allHintsUsed(total));
      return;
    }
    const level = progress.hintsUsed;
    const move = await turn.services.interviewer.hint(turn.interviewerContext(), level);
    progress.hintsUsed = level + 1;
    recordMove(turn, { ...move, message: msg(turn.lang).hint(level + 1, total, move.message) });
    await turn.save();
  },
};
