/**
 * Delivering rendered messages through discord.js. Every payload leaves with
 * `allowedMentions: { parse: [] }` (also the client default), so text from candidates or the
 * LLM never pings a user, a role, @everyone or @here.
 */
import {
  AttachmentBuilder,
  type BaseMessageOptions,
  type Message,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import type { OutgoingMessage } from './render.ts';

export const NO_MENTIONS = {
  parse: [],
  repliedUser: false,
} satisfies BaseMessageOptions['allowedMentions'];

export function toMessageOptions(message: OutgoingMessage): BaseMessageOptions {
  return {
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    files: message.files?.map(
      (f) => new AttachmentBuilder(f.data, { name: f.name, description: f.description }),
    ),
    allowedMentions: NO_MENTIONS,
  };
}

/** A message the bot posted, and how to take its buttons off later. */
export interface SentMessage {
  id: string;
  hasButtons: boolean;
  removeButtons(): Promise<unknown>;
}

/** Any channel the bot can post in (threads, DMs). */
export interface PostableChannel {
  send(options: BaseMessageOptions): Promise<Message>;
}

/** Posts `messages` in order into a channel (a thread or a DM). */
export async function sendToChannel(
  channel: PostableChannel,
  messages: readonly OutgoingMessage[],
): Promise<SentMessage[]> {
  const sent: SentMessage[] = [];
  for (const message of messages) {
    const posted = await channel.send(toMessageOptions(message));
    sent.push({
      id: posted.id,
      hasButtons: (message.components?.length ?? 0) > 0,
      removeButtons: () => posted.edit({ components: [], allowedMentions: NO_MENTIONS }),
    });
  }
  return sent;
}

/**
 * Answers an interaction that was deferred: the first message fills the deferred reply (when
 * it was a `deferReply`), the rest follow up. `ephemeral` marks follow-ups visible only to the
 * user (a deferred reply's visibility was fixed when it was deferred). Messages sent this way
 * are edited through the interaction's webhook (the only way, and only for 15 minutes).
 */
export async function answerDeferred(
  interaction: RepliableInteraction,
  messages: readonly OutgoingMessage[],
  options: { ephemeral: boolean; fillDeferredReply: boolean },
): Promise<SentMessage[]> {
  const sent: SentMessage[] = [];
  let fill = options.fillDeferredReply;
  for (const message of messages) {
    const payload = toMessageOptions(message);
    let posted: Message;
    if (fill) {
      posted = await interaction.editReply(payload);
      fill = false;
    } else {
      posted = await interaction.followUp({
        ...payload,
        ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      });
    }
    sent.push({
      id: posted.id,
      hasButtons: (message.components?.length ?? 0) > 0,
      removeButtons: () =>
        interaction.editReply({ message: posted.id, components: [], allowedMentions: NO_MENTIONS }),
    });
  }
  return sent;
}
