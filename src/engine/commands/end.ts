/** `end`: close (score) the current stage, finish, show the scorecard. */
import { closeStage, finishInterview } from '../stage-flow.ts';
import type { SessionCommandHandler } from './handler.ts';

export const endHandler: SessionCommandHandler = {
  allowedIn: ['active'],
  usesLlm: true,
  completesPending: true,
  async run(turn) {
    await closeStage(turn);
    finishInterview(turn);
    await turn.save();
  },
};
