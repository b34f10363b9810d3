/** `answer`: the candidate's message (an answer or a clarifying question). */
import { readAnswerImages } from '../answer-images.ts';
import { STAGE_TEXT_CAP, candidateText, cleanAnswer, isBlank } from '../answer-text.ts';
import { msg } from '../messages.ts';
import { respondToAnswer } from '../respond.ts';
import type { SessionTurn } from '../session-turn.ts';
import type { SessionCommandHandler } from './handler.ts';

/**
 * The message was already handled under this request's id (a retry after another process
 * completed it): show the interviewer's turns that followed it instead of answering twice.
 */
function replayAfter(turn: SessionTurn, turnId: string): void {
  const turns = turn.session.turns;
  const start = turns.findIndex((t) => t.id === turnId);
  for (const later of turns.slice(start + 1)) {
    if (later.role === 'candidate') break;
    turn.say(later.text);
  }
}

export const answerHandler: SessionCommandHandler = {
  allowedIn: ['active'],
  usesLlm: true,
  completesPending: true,
  validate(command) {
    if (command.kind !== 'answer') return null;
    const text = cleanAnswer(command.text);
    // An image alone is an answer (a diagram); what becomes of it is said in run().
    if (isBlank(text) && (command.attachments ?? []).length === 0) return { code: 'empty-answer' };
    // "/hint please", "/end now", a lone "/": meant as a command, never taken as an answer.
    if (text.trimStart().startsWith('/')) return { code: 'not-a-command' };
    return null;
  },
  async run(turn, command) {
    if (command.kind !== 'answer') return;
    const { session } = turn;
    if (session.turns.some((t) => t.id === turn.requestTurnId)) {
      turn.requestMessageSaved = true;
      // Stored by an earlier attempt of this request: answered just now (pending completion)
      // or by another process, whose reply is shown again.
      if (!turn.completedOwnPending) replayAfter(turn, turn.requestTurnId);
      return;
    }
    const typed = cleanAnswer(command.text).trim();
    // Diagrams read from images join the answer as Mermaid blocks: one critique for both kinds.
    const fromImages = await readAnswerImages(
      turn,
      command,
      command.attachments ?? [],
      typed !== '',
    );
    const text = [typed, ...fromImages].filter((part) => part !== '').join('\n\n');
    // Only images, none of them read: the notes say why, and there is nothing to keep.
    if (text === '') return;
    const before = candidateText(turn.stageTurns()).length;

    // The candidate's message is saved before any interviewer work, so a crash loses nothing.
    turn.addTurn('candidate', 'answer', text, turn.requestTurnId, command.messageId);
    session.pending = { turnId: turn.requestTurnId, receivedAt: turn.now() };
    await turn.save();
    turn.requestMessageSaved = true;

    const after = candidateText(turn.stageTurns()).length;
    if (text.length > STAGE_TEXT_CAP)
      turn.note(msg(turn.lang).longAnswer(text.length, STAGE_TEXT_CAP));
    else if (before <= STAGE_TEXT_CAP && after > STAGE_TEXT_CAP)
      turn.note(msg(turn.lang).overCap(STAGE_TEXT_CAP));

    await respondToAnswer(turn);
  },
};
