/**
 * The interview buttons (Follow-up, Hint, Next stage, End) and the self-assessment ratings
 * before the scorecard. The button's value names the session; the engine checks the presser
 * is the candidate. Anyone else gets an ephemeral note and nothing happens in the interview.
 */
import type { BlockAction, App as BoltApp, ButtonAction } from '@slack/bolt';
import type { InFlight } from '../../kit/in-flight.ts';
import type { PressGuard } from '../../kit/press-guard.ts';
import { threadOf } from '../ids.ts';
import { errorMessage, runInThread, type SlackDeps } from '../interviews.ts';
import { postEphemeral } from '../poster.ts';
import type { Command } from '../../../engine/types.ts';
import { actionFromId, INTERVIEW_ACTION_ID } from '../render/buttons.ts';
import { parseRatingValue, RATING_ACTION_ID, ratingFromId } from '../render/rating-blocks.ts';

/** What a press asks for: the session, the engine command, and the guard's name for it. */
interface Pressed {
  sessionId: string;
  command: Command;
  guard: Parameters<PressGuard['firstPress']>[0]['action'];
}

function interviewPress(action: ButtonAction): Pressed | null {
  const kind = actionFromId(action.action_id);
  return kind && action.value ? { sessionId: action.value, command: { kind }, guard: kind } : null;
}

function ratingPress(action: ButtonAction): Pressed | null {
  const parsed = action.value ? parseRatingValue(action.value) : null;
  if (!parsed) return null;
  const level = ratingFromId(action.action_id);
  const command: Command = level
    ? { kind: 'self-assess', stage: parsed.stage, level }
    : { kind: 'self-assess' };
  return { sessionId: parsed.sessionId, command, guard: 'rate' };
}

export function registerButtons(
  bolt: BoltApp,
  deps: SlackDeps,
  work: InFlight,
  presses: PressGuard,
): void {
  registerPress(bolt, deps, work, presses, INTERVIEW_ACTION_ID, interviewPress);
  registerPress(bolt, deps, work, presses, RATING_ACTION_ID, ratingPress);
}

function registerPress(
  bolt: BoltApp,
  deps: SlackDeps,
  work: InFlight,
  presses: PressGuard,
  actionId: RegExp,
  pressed: (action: ButtonAction) => Pressed | null,
): void {
  bolt.action<BlockAction<ButtonAction>>(
    actionId,
    // Tracked from the first moment (ack included), so `idle()` and `stop()` see it.
    ({ ack, body, action, client, context }) =>
      work.run(async () => {
        await ack();
        const press = pressed(action);
        const thread = press ? threadOf(press.sessionId) : null;
        const teamId = body.team?.id ?? body.user.team_id ?? context.teamId;
        if (!press || !thread || !teamId) return;
        const userId = body.user.id;
        // A double click (here or in another process) runs one turn; the repeat is only acked.
        const first = await presses.firstPress({
          platform: `slack:${teamId}:${body.channel?.id ?? thread.channel}`,
          messageId: body.message?.ts ?? action.action_ts,
          userId,
          action: press.guard,
        });
        if (!first) return;
        await runInThread(deps, client, {
          sessionId: press.sessionId,
          teamId,
          userId,
          command: press.command,
          onError: async (error, lang) => {
            await postEphemeral(
              client,
              {
                channel: body.channel?.id ?? thread.channel,
                user: userId,
                threadTs: thread.threadTs,
              },
              errorMessage(error, lang),
            );
          },
        });
      }),
  );
}
