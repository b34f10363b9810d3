/**
 * Button presses (Follow-up, Hint, Next stage, End; and the self-assessment ratings before the
 * scorecard). The custom id names the action and the session, so the press becomes an engine
 * command directly. The press is acknowledged at once
 * (deferUpdate); the engine then decides who may act: a stranger gets the refusal privately
 * (ephemeral), the candidate gets the interviewer's answer in the thread, and the pressed
 * message loses its buttons so only the newest message offers them (live-buttons.ts).
 */
import { discordTenant } from '../kit/tenant.ts';
import type { ButtonInteraction } from 'discord.js';
import type { BotContext } from './context.ts';
import type { Command } from '../../engine/types.ts';
import type { Press } from '../kit/press-guard.ts';
import { actorId, parseButtonCustomId, parseRatingCustomId } from './ids.ts';
import { renderReplies } from './render.ts';
import { replyError } from './respond.ts';
import { answerDeferred } from './send.ts';
import { typingIn } from './typing.ts';
import { langFromLocale } from './wording.ts';

/** What a press asks for: the session, the engine command, and the press guard's name for it. */
interface Pressed {
  sessionId: string;
  command: Command;
  guard: Press['action'];
}

export function handleInterviewButton(
  interaction: ButtonInteraction,
  context: BotContext,
): Promise<void> {
  const parsed = parseButtonCustomId(interaction.customId);
  const pressed: Pressed | null = parsed
    ? { sessionId: parsed.sessionId, command: { kind: parsed.action }, guard: parsed.action }
    : null;
  return pressOnce(interaction, pressed, context);
}

/** A self-assessment rating (or Skip) pressed under the question before the scorecard. */
export function handleRatingButton(
  interaction: ButtonInteraction,
  context: BotContext,
): Promise<void> {
  const parsed = parseRatingCustomId(interaction.customId);
  const command: Command | null = !parsed
    ? null
    : parsed.level
      ? { kind: 'self-assess', stage: parsed.stage, level: parsed.level }
      : { kind: 'self-assess' };
  const pressed: Pressed | null =
    parsed && command ? { sessionId: parsed.sessionId, command, guard: 'rate' } : null;
  return pressOnce(interaction, pressed, context);
}

/** Runs a press once, however often it arrives (double click, here or in another process). */
async function pressOnce(
  interaction: ButtonInteraction,
  pressed: Pressed | null,
  context: BotContext,
): Promise<void> {
  if (!pressed) return;
  const first = await context.presses.firstPress({
    platform: 'discord',
    messageId: interaction.message.id,
    userId: interaction.user.id,
    action: pressed.guard,
  });
  if (!first) {
    // A repeat press: acknowledge it, run nothing.
    await interaction.deferUpdate();
    return;
  }
  await answerPress(interaction, pressed, context);
}

async function answerPress(
  interaction: ButtonInteraction,
  parsed: Pressed,
  context: BotContext,
): Promise<void> {
  await interaction.deferUpdate();
  const outcome = await typingIn(interaction.channel, () =>
    context.app.engine.execute({
      actor: actorId(interaction.user.id),
      tenant: discordTenant(interaction.guildId),
      sessionId: parsed.sessionId,
      command: parsed.command,
      lang: langFromLocale(interaction.locale),
    }),
  );
  if (!outcome.ok) {
    await replyError(interaction, 'update', outcome.error, outcome.lang);
    return;
  }
  await interaction.editReply({ components: [] }).catch((error: unknown) => {
    context.logger.debug({ err: error }, 'could not remove spent buttons');
  });
  const messages = renderReplies(outcome.replies, {
    lang: outcome.lang,
    sessionId: parsed.sessionId,
    guildId: interaction.guildId,
  });
  const sent = await answerDeferred(interaction, messages, {
    ephemeral: false,
    fillDeferredReply: false,
  });
  await context.buttons.turnPosted(interaction.channelId, sent, interaction.message.id);
}
