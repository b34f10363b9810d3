/** Practice reminders on Slack: a message from the app to the candidate (`slack:<team>:<user>`). */
import type { webApi } from '@slack/bolt';
import type { ReminderChannel } from '../../practice/reminder-loop.ts';
import { escapeMrkdwn } from './mrkdwn.ts';

export function slackReminders(client: webApi.WebClient, teamId: string | null): ReminderChannel {
  const owns = (candidateId: string) => {
    const [platform, team] = candidateId.split(':');
    return platform === 'slack' && (teamId === null || team === teamId);
  };
  return {
    handles: owns,
    async send(candidateId, text) {
      const userId = candidateId.split(':')[2]!;
      // A user id as the channel: the user's messages with the app.
      await client.chat.postMessage({ channel: userId, text: escapeMrkdwn(text) });
    },
  };
}
