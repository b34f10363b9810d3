/** `followup`: the candidate asks for a follow-up question. */
import { recordMove } from '../moves.ts';
import type { SessionCommandHandler } from './handler.ts';

export const followupHandler: SessionCommandHandler = {
  allowedIn: ['active'],
  usesLlm: true,
  completesPending: true,
  async run(turn) {
    const move = await turn.services.interviewer.followup(turn.interviewerContext());
    recordMove(turn, move);
    await turn.save();
  },
};
