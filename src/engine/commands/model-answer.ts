/**
 * `model-answer [stage]`: the scenario's level-4 answer for a stage (knowledge/model-answers/).
 * Only once it gives nothing away: after the interview, or in coach mode for a stage already
 * closed. Without a stage: the weakest scored stage (else the latest closed one).
 */
import { stageById } from '../../knowledge/knowledge.ts';
import { describeError } from '../messages.ts';
import { practiceText } from '../practice-messages.ts';
import { modelAnswerReply } from '../model-answer.ts';
import type { StageId, StageProgress } from '../types.ts';
import type { SessionCommandHandler } from './handler.ts';

function defaultStage(stages: StageProgress[], over: boolean): StageId | null {
  const scored = stages.filter((s) => s.score && !s.score.insufficient);
  if (over && scored.length > 0) {
    return [...scored].sort((a, b) => a.score!.score - b.score!.score)[0]!.stage;
  }
  const closed = stages.filter((s) => s.score);
  return closed.at(-1)?.stage ?? (over ? (stages[0]?.stage ?? null) : null);
}

export const modelAnswerHandler: SessionCommandHandler = {
  allowedIn: ['active', 'finished', 'abandoned'],
  usesLlm: false,
  completesPending: false,
  async run(turn, command) {
    if (command.kind !== 'model-answer') return;
    const { session } = turn;
    const text = practiceText(turn.lang);
    if (command.stage && !session.plan.includes(command.stage)) {
      const error = {
        code: 'unknown-stage' as const,
        params: { stage: command.stage, stages: session.plan.join(', ') },
      };
      turn.note(describeError(error, turn.lang), 'warning');
      return;
    }
    const over = session.status !== 'active';
    const stage = command.stage ?? defaultStage(session.stages, over);
    const progress = session.stages.find((s) => s.stage === stage);
    // While the interview runs, only coach mode shows answers, and only for closed stages.
    const allowed = over || (session.mode === 'coach' && progress?.score !== undefined);
    if (!stage || !allowed) {
      turn.note(text.modelAnswerWhenOver);
      return;
    }
    const reply = modelAnswerReply(turn.framework, turn.scenario, stage, turn.lang);
    if (!reply) {
      turn.note(text.noModelAnswer(stageById(turn.framework, stage).title[turn.lang]));
      return;
    }
    turn.replies.push(reply);
  },
};
