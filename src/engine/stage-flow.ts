/**
 * Moving through the plan: open a stage, close it (score it), advance, finish. Shared by
 * `start`, `next`, `end` and the pacing rule.
 */
import { withCriterionNames } from './labels.ts';
import { mistakesFor } from '../knowledge/knowledge.ts';
import { STAGE_TEXT_CAP, candidateText, capCandidateTurns, capText } from './answer-text.ts';
import { msg } from './messages.ts';
import { modelAnswerReply } from './model-answer.ts';
import { notices } from './notices.ts';
import { buildScorecard } from './scorecard.ts';
import { replayText } from './replay-wording.ts';
import { askNextRating, awaitingSelfAssessment } from './self-assessment.ts';
import type { SessionTurn } from './session-turn.ts';
import type { StageScore } from './types.ts';

export function openStage(turn: SessionTurn, index: number): void {
  const { session } = turn;
  session.stageIndex = index;
  const stage = turn.stage();
  turn.progress().startedAt = turn.now();
  const question = stage.question[turn.lang];
  turn.addTurn('interviewer', 'stage-open', question);
  turn.replies.push({
    kind: 'stage-opened',
    stage: stage.id,
    number: index + 1,
    total: session.plan.length,
    title: stage.title[turn.lang],
    question,
    actions: turn.actions(),
  });
}

/**
 * Close the current stage: stamp its end and score the candidate's words in it. A stage the
 * candidate said nothing in is not scored (it shows as "not answered": no score is invented).
 * In coach mode the stage feedback follows right away.
 */
export async function closeStage(turn: SessionTurn): Promise<void> {
  const progress = turn.progress();
  if (progress.score) return;
  progress.endedAt = turn.now();
  const stageTurns = turn.stageTurns();
  const { text, capped } = capText(candidateText(stageTurns));
  if (text.trim() === '') return;

  const stage = turn.stage();
  const { usage, ...score } = await turn.services.scorer.score({
    framework: turn.framework,
    scenario: turn.scenario,
    stage,
    lang: turn.lang,
    answer: text,
    turns: capCandidateTurns(stageTurns),
    candidateId: turn.session.candidateId,
    sessionId: turn.session.id,
  });
  turn.recordUsage(usage);
  const stored: StageScore = { ...score, notes: [...score.notes] };
  if (capped) stored.notes.push({ code: 'scored-only-cap', cap: STAGE_TEXT_CAP });
  progress.score = stored;

  if (turn.session.mode === 'coach') {
    const title = stage.title[turn.lang];
    turn.addTurn(
      'interviewer',
      'feedback',
      msg(turn.lang).stageFeedback(title, stored.score, stored.missedKeyPoints),
    );
    turn.replies.push({
      kind: 'stage-feedback',
      title,
      score: withCriterionNames(turn.framework, stored, turn.lang),
    });
    const answer = modelAnswerReply(turn.framework, turn.scenario, stage.id, turn.lang);
    if (answer) turn.replies.push(answer);
  }
}

/** Whether any stage has a score (else there is nothing to judge and no scorecard). */
/** Whether any stage has a score to judge by (a stage too short to judge has none). */
export function anyStageScored(turn: SessionTurn): boolean {
  return turn.session.stages.some((s) => s.score && !s.score.insufficient);
}

/**
 * End the interview: scorecard built and stored, wrap-up said, scorecard shown. With no stage
 * answered there is nothing to judge: no score is invented, and the interview ends as
 * abandoned, so history and the trend do not count it.
 */
export function finishInterview(turn: SessionTurn): void {
  const { session } = turn;
  const now = turn.now();
  if (!anyStageScored(turn)) {
    session.status = 'abandoned';
    session.finishedAt = now;
    session.pending = undefined;
    const text = notices(turn.lang).notEnoughToJudge;
    turn.addTurn('interviewer', 'wrapup', text);
    turn.say(text);
    return;
  }
  session.status = 'finished';
  session.finishedAt = now;
  session.pending = undefined;
  const scorecard = buildScorecard({
    session,
    scenario: turn.scenario,
    framework: turn.framework,
    now,
    mistakes: mistakesFor(turn.services.knowledge, turn.scenario),
  });
  session.scorecard = scorecard;
  if (awaitingSelfAssessment(session)) {
    // Stored, but shown only after the candidate rated the stages themselves (or skipped).
    const wrapUp = replayText(turn.lang).wrapUpSelf;
    turn.addTurn('interviewer', 'wrapup', wrapUp);
    turn.say(wrapUp);
    askNextRating(turn);
    return;
  }
  const wrapUp = msg(turn.lang).wrapUp;
  turn.addTurn('interviewer', 'wrapup', wrapUp);
  turn.say(wrapUp);
  turn.replies.push({ kind: 'scorecard', scorecard });
}

/** Close the current stage and open the next one, or finish after the last. */
export async function advance(turn: SessionTurn): Promise<void> {
  await closeStage(turn);
  if (turn.isLastStage()) finishInterview(turn);
  else openStage(turn, turn.session.stageIndex + 1);
}
