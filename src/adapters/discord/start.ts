/**
 * `/interview start`: in a server, opens a thread for the interview and posts the opening
 * there (the slash command gets a private "your interview is in #thread"); in a DM, the
 * conversation itself holds the interview. The engine decides everything about the interview;
 * this only chooses where it lives.
 */
import {
  ChannelType,
  type ChatInputCommandInteraction,
  MessageFlags,
  type TextChannel,
} from 'discord.js';
import type { Command, Difficulty, Lang, Mode } from '../../engine/types.ts';
import { OPTION } from './commands.ts';
import type { BotContext } from './context.ts';
import { actorId, dmPlace, dmSessionId, threadPlace, threadSessionId } from './ids.ts';
import { answerCommand, postTurn, replyError, replyPrivately } from './respond.ts';
import { openInterviewThread } from './threads.ts';
import { typingIn } from './typing.ts';
import { discordWording, langFromLocale } from './wording.ts';

function startCommand(
  interaction: ChatInputCommandInteraction,
): Extract<Command, { kind: 'start' }> {
  const { options } = interaction;
  const lang =
    (options.getString(OPTION.language) as Lang | null) ?? langFromLocale(interaction.locale);
  const mode = options.getString(OPTION.mode) as Mode | null;
  const difficulty = options.getString(OPTION.difficulty) as Difficulty | null;
  return {
    kind: 'start',
    scenarioId: options.getString(OPTION.scenario, true).trim(),
    lang,
    ...(mode ? { mode } : {}),
    ...(difficulty ? { difficulty } : {}),
  };
}

/** The text channel a thread can be opened under: this one, or a thread's parent. */
function threadParent(interaction: ChatInputCommandInteraction): TextChannel | null {
  const channel = interaction.channel;
  const parent = channel?.isThread() ? channel.parent : channel;
  return parent?.type === ChannelType.GuildText ? parent : null;
}

export async function startInterview(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  /** A drill passes its own start command (see practice-commands.ts). */
  command: Extract<Command, { kind: 'start' }> = startCommand(interaction),
): Promise<void> {
  const { engine } = context.app;
  const actor = actorId(interaction.user.id);
  const lang = command.lang ?? 'en';

  if (!interaction.inGuild()) {
    // A DM: the conversation is the interview. Replies go through the interaction itself.
    await interaction.deferReply();
    const sessionId = dmSessionId(interaction.channelId, interaction.id);
    const outcome = await engine.execute({
      actor,
      sessionId,
      command: { ...command, places: [dmPlace(interaction.channelId)] },
      lang,
    });
    const sent = await answerCommand(interaction, 'public-reply', outcome);
    await context.buttons.turnPosted(interaction.channelId, sent);
    return;
  }

  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const scenario = engine.scenario(command.scenarioId);
  if (!scenario) {
    // No thread for a typo: the engine explains (with "did you mean") and creates nothing.
    const outcome = await engine.execute({ actor, command, lang });
    if (!outcome.ok) await replyError(interaction, 'ephemeral-reply', outcome.error, outcome.lang);
    return;
  }
  const wording = discordWording(lang);
  const parent = threadParent(interaction);
  if (!parent) {
    await replyPrivately(interaction, 'ephemeral-reply', wording.needsTextChannel);
    return;
  }

  let thread: Awaited<ReturnType<typeof openInterviewThread>>;
  try {
    thread = await openInterviewThread({
      parent,
      name: wording.threadName(
        scenario.title[lang],
        interaction.member && 'displayName' in interaction.member
          ? interaction.member.displayName
          : interaction.user.displayName,
      ),
      candidateUserId: interaction.user.id,
      wantPrivate: context.config.privateThreads,
      botPermissions: interaction.appPermissions,
    });
  } catch (error) {
    context.logger.warn({ err: error, channelId: parent.id }, 'could not open an interview thread');
    await replyPrivately(interaction, 'ephemeral-reply', wording.threadFailed);
    return;
  }

  const sessionId = threadSessionId(thread.id);
  const places = [threadPlace(thread.id)];
  const outcome = await typingIn(thread, () =>
    engine.execute({ actor, sessionId, command: { ...command, places }, lang }),
  );
  if (!outcome.ok) {
    await thread.delete().catch(() => {});
    await replyError(interaction, 'ephemeral-reply', outcome.error, outcome.lang);
    return;
  }
  await postTurn(context, thread, sessionId, outcome);
  await replyPrivately(interaction, 'ephemeral-reply', wording.interviewIsIn(thread.toString()));
}
