/**
 * `/interview <subcommand>` → one translator per subcommand. Each defers first (Discord's
 * 3-second deadline), builds an engine command, runs it, and answers with the rendered replies.
 * Interview actions (follow-up, hint, next, end, scorecard) answer in public, in the thread;
 * personal views (status, export, history, scenarios) answer only to the user.
 */
import { discordTenant } from '../kit/tenant.ts';
import { type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import { describeError } from '../../engine/messages.ts';
import type { Lang } from '../../engine/types.ts';
import { SESSION_WORDS, type SessionWord } from '../../engine/command-words.ts';
import type { BotContext } from './context.ts';
import { forgetMe } from './forget-me.ts';
import { FORGET_ME } from './forget-me-command.ts';
import { interviewHere } from './here.ts';
import { actorId } from './ids.ts';
import { PRACTICE_TRANSLATORS } from './practice-commands.ts';
import { answerCommand, replyPrivately } from './respond.ts';
import { startInterview } from './start.ts';
import { typingIn } from './typing.ts';
import { discordWording, langFromLocale } from './wording.ts';

type Translator = (interaction: ChatInputCommandInteraction, context: BotContext) => Promise<void>;

const PRIVATE_SUBCOMMANDS = new Set<SessionWord>(['status', 'export']);

function sessionCommand(subcommand: SessionWord): Translator {
  return async (interaction, context) => {
    const ephemeral = PRIVATE_SUBCOMMANDS.has(subcommand);
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    const deferral = ephemeral ? 'ephemeral-reply' : 'public-reply';
    const actor = actorId(interaction.user.id);
    const lang = langFromLocale(interaction.locale);
    const sessionId = await interviewHere(context.app.engine, actor, interaction.channel);
    if (!sessionId) {
      // Not in an interview thread (or a DM with one): nothing to act on here.
      await replyPrivately(interaction, deferral, describeError({ code: 'no-session' }, lang));
      return;
    }
    const outcome = await typingIn(ephemeral ? null : interaction.channel, () =>
      context.app.engine.execute({
        actor,
        tenant: discordTenant(interaction.guildId),
        sessionId,
        command: { kind: subcommand },
        lang,
      }),
    );
    const sent = await answerCommand(interaction, deferral, outcome);
    if (!ephemeral) await context.buttons.turnPosted(interaction.channelId, sent);
  };
}

const showHistory: Translator = async (interaction, context) => {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const outcome = await context.app.engine.execute({
    actor: actorId(interaction.user.id),
    command: { kind: 'history' },
    lang: langFromLocale(interaction.locale),
  });
  await answerCommand(interaction, 'ephemeral-reply', outcome);
};

/** The scenario list, in the user's language; ids are what /interview start takes. */
export function scenarioListText(context: BotContext, lang: Lang): string {
  const wording = discordWording(lang);
  const lines = context.app.engine.scenarios().map((s) => `• \`${s.id}\` — ${s.title[lang]}`);
  return [`**${wording.scenariosTitle}**`, ...lines, '', wording.scenariosHint].join('\n');
}

const listScenarios: Translator = async (interaction, context) => {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const lang = langFromLocale(interaction.locale);
  await replyPrivately(interaction, 'ephemeral-reply', scenarioListText(context, lang));
};

const TRANSLATORS: Record<string, Translator> = {
  start: startInterview,
  history: showHistory,
  scenarios: listScenarios,
  [FORGET_ME]: forgetMe,
  ...PRACTICE_TRANSLATORS,
  ...Object.fromEntries(SESSION_WORDS.map((name) => [name, sessionCommand(name)])),
};

export async function handleInterviewCommand(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
  const translator = TRANSLATORS[interaction.options.getSubcommand()];
  if (translator) await translator(interaction, context);
}
