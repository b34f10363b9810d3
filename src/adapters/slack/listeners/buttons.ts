/**
 * The interview buttons (Follow-up, Hint, Next stage, End). The button's value names the
 * session; the engine checks the presser is the candidate. Anyone else gets an ephemeral
 * note and nothing happens in the interview.
 */
import type { BlockAction, App as BoltApp, ButtonAction } from '@slack/bolt';
import type { BackgroundWork } from '../background.ts';
import { threadOf } from '../ids.ts';
import { errorMessage, runInThread, type SlackDeps } from '../interviews.ts';
import { postEphemeral } from '../poster.ts';
import { actionFromId, INTERVIEW_ACTION_ID } from '../render/buttons.ts';

export function registerButtons(bolt: BoltApp, deps: SlackDeps, work: BackgroundWork): void {
  /**
   * `<message ts>:<user>` of presses being handled. A double click (or a second button pressed
   * before the first answer arrives) would otherwise run a second turn: two hints, or two
   * stages closed. The repeat is acknowledged and runs nothing.
   */
  const pressing = new Set<string>();
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
        const press = `${body.message?.ts ?? action.action_ts}:${userId}`;
        if (pressing.has(press)) return;
        pressing.add(press);
        try {
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
        } finally {
          pressing.delete(press);
        }
      }),
  );
}
