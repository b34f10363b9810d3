/**
 * Turning an engine `Outcome` into the answer to a deferred interaction. Errors go only to the
 * person who acted (ephemeral): a public deferred "thinking…" is removed and replaced by an
 * ephemeral follow-up, so a stranger's mistake never clutters the candidate's thread.
 */
import {
  type ChatInputCommandInteraction,
  MessageFlags,
  type RepliableInteraction,
} from 'discord.js';
import { describeError } from '../../engine/messages.ts';
import type { EngineError, Lang, Outcome, Reply } from '../../engine/types.ts';
import type { BotContext } from './context.ts';
import { renderNotice, renderReplies } from './render.ts';
import {
  answerDeferred,
  NO_MENTIONS,
  type PostableChannel,
  type SentMessage,
  sendToChannel,
} from './send.ts';

/** How the interaction was acknowledged (decides where the answer can go). */
export type Deferral = 'public-reply' | 'ephemeral-reply' | 'update';

/** Tells only the acting user `text`. */
export async function replyPrivately(
  interaction: RepliableInteraction,
  deferral: Deferral,
  text: string,
): Promise<void> {
  const messages = renderNotice(text);
  if (deferral === 'ephemeral-reply') {
    await answerDeferred(interaction, messages, { ephemeral: true, fillDeferredReply: true });
    return;
  }
  if (deferral === 'public-reply') await interaction.deleteReply();
  for (const message of messages) {
    await interaction.followUp({
      content: message.content,
      flags: MessageFlags.Ephemeral,
      allowedMentions: NO_MENTIONS,
    });
  }
}

export function replyError(
  interaction: RepliableInteraction,
  deferral: Deferral,
  error: EngineError,
  lang: Lang,
): Promise<void> {
  return replyPrivately(interaction, deferral, describeError(error, lang));
}

/**
 * Answers a deferred slash command with the outcome's replies (or its error, privately).
 * Returns the messages posted (none for an error).
 */
export async function answerCommand(
  interaction: ChatInputCommandInteraction,
  deferral: Exclude<Deferral, 'update'>,
  outcome: Outcome,
): Promise<SentMessage[]> {
  if (!outcome.ok) {
    await replyError(interaction, deferral, outcome.error, outcome.lang);
    return [];
  }
  const messages = renderReplies(outcome.replies, {
    lang: outcome.lang,
    sessionId: outcome.sessionId,
    guildId: interaction.guildId,
  });
  if (messages.length === 0) {
    await interaction.deleteReply();
    return [];
  }
  return answerDeferred(interaction, messages, {
    ephemeral: deferral === 'ephemeral-reply',
    fillDeferredReply: true,
  });
}

/**
 * Posts a turn's replies in the interview's channel (thread or DM); the newest of them carry
 * the live buttons.
 */
export async function postTurn(
  context: BotContext,
  channel: PostableChannel & { id: string; guildId?: string | null },
  sessionId: string,
  turn: { replies: Reply[]; lang: Lang },
): Promise<void> {
  const messages = renderReplies(turn.replies, {
    lang: turn.lang,
    sessionId,
    guildId: channel.guildId ?? null,
  });
  await context.buttons.turnPosted(channel.id, await sendToChannel(channel, messages));
}
