/**
 * The practice loop's slash words: model answers and reminders answer ephemerally; a drill or
 * practice session is planned by the engine and then started like `/interview start` (a new
 * thread in this channel).
 */
import type { Command } from '../../../engine/types.ts';
import { actorFor } from '../ids.ts';
import { currentSessionFor, errorMessage, type SlackDeps, startInterview } from '../interviews.ts';
import type { PracticeRequest } from '../practice-text.ts';
import { renderReplies, textMessage } from '../render/replies.ts';
import type { Invocation } from './slash-command.ts';

export async function handlePractice(
  deps: SlackDeps,
  request: PracticeRequest,
  call: Invocation,
): Promise<void> {
  const { engine } = deps.app;
  const actor = actorFor(call.teamId, call.userId);
  const ephemeral = (message: { text: string; blocks: unknown[] }) =>
    call.respond({
      response_type: 'ephemeral',
      text: message.text,
      blocks: message.blocks as never,
    });
  switch (request.kind) {
    case 'model-answer':
    case 'reminders':
    case 'self-assess': {
      let sessionId: string | undefined;
      if (request.kind === 'model-answer') {
        sessionId = (await currentSessionFor(deps, call)) ?? undefined;
        if (!sessionId) {
          await ephemeral(errorMessage({ code: 'no-session' }, 'en'));
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
      const outcome = await engine.execute({ actor, sessionId, command });
      if (!outcome.ok) {
        await ephemeral(errorMessage(outcome.error, outcome.lang));
        return;
      }
      const rendered = renderReplies(outcome.replies, {
        lang: outcome.lang,
        sessionId: null,
      });
      for (const message of rendered) if (message.kind === 'message') await ephemeral(message);
      return;
    }
    case 'drill':
    case 'practice': {
      const plan = await engine.planDrill(
        actor,
        request.kind === 'practice' ? { due: true } : { stage: request.stage },
      );
      if (!plan.ok) {
        await ephemeral(errorMessage(plan.error, plan.lang));
        return;
      }
      await startInterview(deps, call.client, {
        teamId: call.teamId,
        userId: call.userId,
        channel: call.channel,
        command: {
          kind: 'start',
          scenarioId: plan.scenarioId,
          drill: { stage: plan.stage, why: plan.why },
        },
        notify: async (plain) => {
          await ephemeral(textMessage(plain));
        },
      });
      return;
    }
  }
}
