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
    files: message.files?.map((f) => new AttachmentBuilder(f.data, { name: f.name })),
    allowedMentions: NO_MENTIONS,
  };
}

/** Posts `messages` in order into a channel (a thread or a DM). */
/** Any channel the bot can post in (threads, DMs). */
export interface PostableChannel {
  send(options: BaseMessageOptions): Promise<Message>;
}

export async function sendToChannel(
  channel: PostableChannel,
  messages: readonly OutgoingMessage[],
): Promise<Message[]> {
  const sent: Message[] = [];
  for (const message of messages) sent.push(await channel.send(toMessageOptions(message)));
  return sent;
}

/**
 * Answers an interaction that was deferred: the first message fills the deferred reply (when
 * it was a `deferReply`), the rest follow up. `ephemeral` marks follow-ups visible only to the
 * user (a deferred reply's visibility was fixed when it was deferred).
 */
export async function answerDeferred(
  interaction: RepliableInteraction,
  messages: readonly OutgoingMessage[],
  options: { ephemeral: boolean; fillDeferredReply: boolean },
): Promise<void> {
  let fill = options.fillDeferredReply;
  for (const message of messages) {
    const payload = toMessageOptions(message);
    if (fill) {
      await interaction.editReply(payload);
      fill = false;
    } else {
      await interaction.followUp({
        ...payload,
        ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      });
    }
  }
}
