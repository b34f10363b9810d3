/** `abandon`: stop without scoring. The transcript stays (history shows it as abandoned). */
import { msg } from '../messages.ts';
import type { SessionCommandHandler } from './handler.ts';

export const abandonHandler: SessionCommandHandler = {
  allowedIn: ['active'],
  usesLlm: false,
  completesPending: false,
  async run(turn) {
    const { session } = turn;
    session.status = 'abandoned';
    session.finishedAt = turn.now();
    session.pending = undefined;
    turn.progress().endedAt ??= turn.now();
    await turn.save();
    turn.note(msg(turn.lang).abandoned);
  },
};
