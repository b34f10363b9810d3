/**
 * The interview buttons (Follow-up, Hint, Next stage, End). The button's value names the
 * session; the engine checks the presser is the candidate. Anyone else gets an ephemeral
 * note and nothing happens in the interview.
 */
import type { BlockAction, App as BoltApp, ButtonAction } from '@slack/bolt';
import type { InFlight } from '../../kit/in-flight.ts';
import type { PressGuard } from '../../kit/press-guard.ts';
import { threadOf } from '../ids.ts';
import { errorMessage, runInThread, type SlackDeps } from '../interviews.ts';
import { postEphemeral } from '../poster.ts';
import { actionFromId, INTERVIEW_ACTION_ID } from '../render/buttons.ts';

export function registerButtons(
  bolt: BoltApp,
  deps: SlackDeps,
  work: InFlight,
  presses: PressGuard,
): void {
  bolt.action<BlockAction<ButtonAction>>(
    INTERVIEW_ACTION_ID,
    // Tracked from the first moment (ack included), so `idle()` and `stop()` see it.
    ({ ack, body, action, client, context }) =>
      work.run(async () => {
        await ack();
        const kind = actionFromId(action.action_id);
        const sessionId = action.value;
        const thread = sessionId ? threadOf(sessionId) : null;
        const teamId = body.team?.id ?? body.user.team_id ?? context.teamId;
        if (!kind || !sessionId || !thread || !teamId) return;
        const userId = body.user.id;
        // A double click (here or in another process) runs one turn; the repeat is only acked.
        const first = await presses.firstPress({
          platform: `slack:${teamId}:${body.channel?.id ?? thread.channel}`,
          messageId: body.message?.ts ?? action.action_ts,
          userId,
          action: kind,
        });
        if (!first) return;
        await runInThread(deps, client, {
          sessionId,
          teamId,
          userId,
          command: { kind },
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
