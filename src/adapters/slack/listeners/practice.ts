/**
 * The practice loop's slash words: model answers and reminders answer ephemerally; a drill or
 * practice session is planned by the engine and then started like `/interview start` (a new
 * thread in this channel).
 */
import type { Command } from '../../../engine/types.ts';
import { actorFor } from '../ids.ts';
import { currentSessionFor, errorMessage, type SlackDeps } from '../interviews.ts';
import type { PracticeRequest } from '../practice-text.ts';
import { answerPrivately, ephemeral, type Invocation, startFromInvocation } from './invocation.ts';

export async function handlePractice(
  deps: SlackDeps,
  request: PracticeRequest,
  call: Invocation,
): Promise<void> {
  const { engine } = deps.app;
  const actor = actorFor(call.teamId, call.userId);
  switch (request.kind) {
    case 'model-answer':
    case 'reminders':
    case 'self-assess': {
      let sessionId: string | undefined;
      if (request.kind === 'model-answer') {
        sessionId = (await currentSessionFor(deps, call)) ?? undefined;
        if (!sessionId) {
          await ephemeral(call.respond, errorMessage({ code: 'no-session' }, 'en'));
          return;
        }
      }
      const command: Command =
        request.kind === 'reminders'
          ? { kind: 'reminders', on: request.on }
          : request.kind === 'self-assess'
            ? { kind: 'self-assess-setting', on: request.on }
            : request.stage
              ? { kind: 'model-answer', stage: request.stage }
              : { kind: 'model-answer' };
      await answerPrivately(deps, call, { command, sessionId });
      return;
    }
    case 'drill':
    case 'practice': {
      const plan = await engine.planDrill(
        actor,
        request.kind === 'practice' ? { due: true } : { stage: request.stage },
      );
      if (!plan.ok) {
        await ephemeral(call.respond, errorMessage(plan.error, plan.lang));
        return;
      }
      await startFromInvocation(deps, call, {
        kind: 'start',
        scenarioId: plan.scenarioId,
        drill: { stage: plan.stage, why: plan.why },
      });
      return;
    }
  }
}
