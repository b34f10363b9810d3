/**
 * The second half of an answer turn: the candidate's message is already saved (with
 * `session.pending` set); now the interviewer responds, pacing is applied, and the result is
 * saved with `pending` cleared. Also used to complete a turn a crashed process left pending.
 */
import { msg } from './messages.ts';
import { recordMove } from './moves.ts';
import { minutesLeft, paceOf } from './pacing.ts';
import { probesLeft } from './probing.ts';
import type { SessionTurn } from './session-turn.ts';
import { advance } from './stage-flow.ts';

export async function respondToAnswer(turn: SessionTurn): Promise<void> {
  const { session, services } = turn;
  const stage = turn.stage();
  const progress = turn.progress();
  const pace = paceOf(progress, stage.timeBudgetMinutes, turn.now());

  // Out of time: no new probe (we would not wait for its answer), but a clarifying question
  // still gets its answer before the stage closes.
  const move = await services.interviewer.respond(
    turn.interviewerContext(pace === 'over' ? 0 : probesLeft(session)),
  );
  recordMove(turn, move);

  if (pace === 'nudge') {
    progress.nudged = true;
    const nudge = msg(turn.lang).nudge(
      minutesLeft(progress, stage.timeBudgetMinutes, turn.now()),
      stage.title[turn.lang],
    );
    turn.addTurn('interviewer', 'nudge', nudge);
    turn.say(nudge);
  }
  session.pending = undefined;
  await turn.save();

  if (pace === 'over') {
    const timeUp = msg(turn.lang).timeUp(stage.title[turn.lang]);
    turn.addTurn('interviewer', 'nudge', timeUp);
    turn.say(timeUp);
    await advance(turn);
    await turn.save();
  }
}

/**
 * If the session holds a message whose turn never completed (the process died mid-turn),
 * answer it now. Called before any command that changes the interview, so nothing is lost.
 */
export async function completePending(turn: SessionTurn): Promise<void> {
  const { session } = turn;
  const pending = session.pending;
  if (!pending) return;
  const message = session.turns.find((t) => t.id === pending.turnId);
  const stageId = session.plan[session.stageIndex];
  if (!message || message.stage !== stageId || session.status !== 'active') {
    // Nothing sensible to answer (the stage moved on): the message stays in the transcript.
    session.pending = undefined;
    await turn.save();
    return;
  }
  // A retry of this very request (after a version conflict) is not a "resumed" message.
  if (pending.turnId === turn.requestTurnId) turn.completedOwnPending = true;
  else turn.note(msg(turn.lang).resumedPending);
  await respondToAnswer(turn);
}
