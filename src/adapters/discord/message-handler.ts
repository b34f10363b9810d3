/**
 * Messages typed in an interview thread (or a DM with an interview) are the candidate's
 * answers: each becomes an `answer` command carrying the message id, so a redelivered message
 * is processed once. Named predicates decide what is ignored, in this order: the bot's own and
 * other bots' messages, system messages, channels that hold no interview. Messages by anyone
 * but the candidate are ignored (the engine says `not-your-session`; Discord messages cannot be
 * ephemeral, and a public refusal would clutter the candidate's thread).
 */
import { discordTenant } from '../kit/tenant.ts';
import type { Message } from 'discord.js';
import type { Attachment } from '../../engine/types.ts';
import { downloadAttachments } from '../kit/attachments.ts';
import { langOfText } from '../../engine/lang.ts';
import { describeError } from '../../engine/messages.ts';
import { isQuietInConversation } from '../kit/quiet-errors.ts';
import type { BotContext } from './context.ts';
import { interviewHere } from './here.ts';
import { actorId } from './ids.ts';
import { renderNotice } from './render.ts';
import { postTurn } from './respond.ts';
import { sendToChannel } from './send.ts';
import { typingIn } from './typing.ts';
import { discordWording } from './wording.ts';

export function isFromHuman(message: Message): boolean {
  return !message.author.bot && !message.system && !message.webhookId;
}

/** A thread this bot opened, or a DM with the bot. */
export function isInterviewChannel(message: Message, botUserId: string | null): boolean {
  const { channel } = message;
  if (channel.isThread()) return botUserId !== null && channel.ownerId === botUserId;
  return channel.isDMBased();
}

/**
 * The message's files, from the attachment URLs in Discord's own payload (never from a URL in
 * the text). Files over the size limit are not fetched; the engine says why.
 */
function messageAttachments(message: Message, context: BotContext): Promise<Attachment[]> {
  const files = [...message.attachments.values()].map((a) => ({
    name: a.name,
    mime: a.contentType ?? 'application/octet-stream',
    size: a.size,
    url: a.url,
  }));
  if (files.length === 0) return Promise.resolve([]);
  return downloadAttachments(files, {
    timeoutMs: context.downloadTimeoutMs,
    onFailure: (file, reason) =>
      context.logger.warn(
        { messageId: message.id, file: file.name, reason },
        'attachment download failed',
      ),
  });
}

export async function handleMessage(message: Message, context: BotContext): Promise<void> {
  if (!isFromHuman(message) || !isInterviewChannel(message, context.botUserId())) return;
  const { channel } = message;
  if (!channel.isSendable()) return;
  if (!context.turns.accepting) {
    // Shutting down: Discord never delivers a message twice, so an answer dropped here would
    // be lost without a word. Ask for it again (tracked, so it is sent before disconnecting).
    const wording = discordWording(langOfText(message.content));
    await context.turns.track(() => sendToChannel(channel, renderNotice(wording.shuttingDown)));
    return;
  }
  await context.turns.track(async () => {
    const actor = actorId(message.author.id);
    const sessionId = await interviewHere(context.app.engine, actor, channel);
    if (!sessionId) return;
    const outcome = await typingIn(channel, async () => {
      // A stranger's files are not fetched: the engine refuses their message anyway.
      const strangers =
        message.attachments.size > 0 && (await context.app.engine.isSomeoneElses(sessionId, actor));
      const attachments = strangers ? [] : await messageAttachments(message, context);
      return context.app.engine.execute({
        actor,
        tenant: discordTenant(message.guildId),
        sessionId,
        command: {
          kind: 'answer',
          text: message.content,
          messageId: message.id,
          ...(attachments.length > 0 ? { attachments } : {}),
        },
      });
    });
    if (!outcome.ok) {
      if (isQuietInConversation(outcome.error)) return;
      await sendToChannel(channel, renderNotice(describeError(outcome.error, outcome.lang)));
      return;
    }
    await postTurn(context, channel, sessionId, outcome);
  });
}
