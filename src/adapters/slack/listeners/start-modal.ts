/**
 * The start dialog's submission: invalid input is answered inside the dialog (`ack` with
 * errors); a valid one closes it and starts the interview where the dialog was opened.
 */
import type { App as BoltApp } from '@slack/bolt';
import type { InFlight } from '../../kit/in-flight.ts';
import { type SlackDeps, startInterview } from '../interviews.ts';
import { postEphemeral } from '../poster.ts';
import { textMessage } from '../render/replies.ts';
import {
  readStartSubmission,
  START_MODAL_CALLBACK_ID,
  type ViewStateValues,
} from '../render/start-modal.ts';

export function registerStartModal(bolt: BoltApp, deps: SlackDeps, work: InFlight): void {
  // Tracked from the first moment (ack included), so `idle()` and `stop()` see it.
  bolt.view(START_MODAL_CALLBACK_ID, ({ ack, body, view, client, context }) =>
    work.run(async () => {
      const submission = readStartSubmission(
        view.state.values as ViewStateValues,
        view.private_metadata,
        (id) => deps.app.engine.scenario(id) !== null,
      );
      if (!submission.ok) {
        await ack({ response_action: 'errors', errors: submission.errors });
        return;
      }
      await ack();
      const teamId = body.team?.id ?? body.user.team_id ?? context.teamId;
      if (!teamId) return;
      const userId = body.user.id;
      const { channel } = submission.origin;
      await startInterview(deps, client, {
        teamId,
        userId,
        channel,
        command: submission.command,
        // No response_url here: tell the user in the channel (only they see it), or by DM.
        notify: async (plain) => {
          const message = textMessage(plain);
          if (channel) {
            try {
              await postEphemeral(client, { channel, user: userId }, message);
              return;
            } catch {
              // Not in the channel either: fall through to a direct message.
            }
          }
          await client.chat.postMessage({ channel: userId, ...message });
        },
      });
    }),
  );
}
