/** Practice reminders on Discord: a DM to the candidate (`discord:<userId>`). */
import type { Client } from 'discord.js';
import type { ReminderChannel } from '../../practice/reminder-loop.ts';
import { NO_MENTIONS } from './send.ts';

const PREFIX = 'discord:';

export function discordReminders(client: Client): ReminderChannel {
  return {
    handles: (candidateId) => candidateId.startsWith(PREFIX),
    async send(candidateId, text) {
      const dm = await client.users.createDM(candidateId.slice(PREFIX.length));
      await dm.send({ content: text, allowedMentions: NO_MENTIONS });
    },
  };
}
