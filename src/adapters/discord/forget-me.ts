/**
 * `/interview forget-me`: delete everything the bot keeps about the user, after a typed
 * confirmation. Without `confirm` it only says what would be deleted and how to confirm;
 * with `confirm:confirm` (or 确认) it deletes. Always answered only to the user.
 */
import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { isForgetConfirmation } from '../../engine/forget-wording.ts';
import { describeError } from '../../engine/messages.ts';
import type { BotContext } from './context.ts';
import { CONFIRM_OPTION, forgetText } from './forget-me-command.ts';
import { actorId } from './ids.ts';
import { replyPrivately } from './respond.ts';
import { langFromLocale } from './wording.ts';

export async function forgetMe(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const lang = langFromLocale(interaction.locale);
  const confirm = isForgetConfirmation(interaction.options.getString(CONFIRM_OPTION) ?? undefined);
  const outcome = await context.app.engine.execute({
    actor: actorId(interaction.user.id),
    command: { kind: 'forget', confirm },
    lang,
  });
  const reply = outcome.ok ? outcome.replies.find((r) => r.kind === 'forget') : undefined;
  const text = !outcome.ok
    ? describeError(outcome.error, outcome.lang)
    : reply?.kind === 'forget'
      ? forgetText(reply, outcome.lang)
      : describeError({ code: 'internal' }, outcome.lang);
  await replyPrivately(interaction, 'ephemeral-reply', text);
}
