/** `next`: close the current stage (it is scored) and open the next; after the last, finish. */
import { advance } from '../stage-flow.ts';
import type { SessionCommandHandler } from './handler.ts';

export const nextHandler: SessionCommandHandler = {
  allowedIn: ['active'],
  usesLlm: true,
  completesPending: true,
  async run(turn) {
    await advance(turn);
    await turn.save();
  },
};
