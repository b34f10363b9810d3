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
    const outcome = await typingIn(channel, () =>
      context.app.engine.execute({
        actor,
        tenant: discordTenant(message.guildId),
        sessionId,
        command: { kind: 'answer', text: message.content, messageId: message.id },
      }),
    );
    if (!outcome.ok) {
      if (isQuietInConversation(outcome.error)) return;
      await sendToChannel(channel, renderNotice(describeError(outcome.error, outcome.lang)));
      return;
    }
    await postTurn(context, channel, sessionId, outcome);
  });
}
