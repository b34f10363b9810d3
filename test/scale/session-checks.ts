/** Reading a session back from the store the bot processes share, and checking its transcript. */
import type { Session, Turn } from '../../src/engine/types.ts';

export function candidateTexts(session: Session): string[] {
  return session.turns.filter((t) => t.role === 'candidate').map((t) => t.text);
}

/**
 * Every candidate message was answered before the next one was taken: each candidate turn is
 * followed by at least one interviewer turn. (Turns that interleaved would show two candidate
 * turns in a row.) Returns the candidate turns without an answer.
 */
export function unansweredMessages(session: Session): Turn[] {
  const unanswered: Turn[] = [];
  session.turns.forEach((turn, i) => {
    if (turn.role !== 'candidate') return;
    const next = session.turns[i + 1];
    if (next?.role !== 'interviewer') unanswered.push(turn);
  });
  return unanswered;
}

/** `items` appear in `sequence` in this order (other items may come between). */
export function inOrder(sequence: readonly string[], items: readonly string[]): boolean {
  let at = 0;
  for (const value of sequence) if (value === items[at]) at++;
  return at === items.length;
}
