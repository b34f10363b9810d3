/**
 * The practice loop's subcommands of `/interview`: `model-answer [stage]`, `drill [stage]`,
 * `practice`, `reminders on|off` and `self-assess on|off`. A drill or a practice session is planned by the engine
 * (stage and scenario) and then started exactly like `/interview start` (a new thread).
 */
import {
  type ChatInputCommandInteraction,
  MessageFlags,
  type SlashCommandBuilder,
} from 'discord.js';
import { describeError } from '../../engine/messages.ts';
import { type Command, STAGE_IDS, type StageId } from '../../engine/types.ts';
import type { BotContext } from './context.ts';
import { describe, PRACTICE_SUBCOMMANDS } from './descriptions.ts';
import { actorId } from './ids.ts';
import { answerCommand, replyPrivately } from './respond.ts';
import { interviewHere } from './here.ts';
import { startInterview } from './start.ts';
import { langFromLocale } from './wording.ts';

export const PRACTICE_OPTION = { stage: 'stage', state: 'state' } as const;

type Translator = (interaction: ChatInputCommandInteraction, context: BotContext) => Promise<void>;

/** Adds the practice subcommands to `/interview`. */
export function addPracticeSubcommands(command: SlashCommandBuilder): void {
  const stageChoices = STAGE_IDS.map((id) => ({ name: id, value: id }));
  for (const name of PRACTICE_SUBCOMMANDS) {
    command.addSubcommand((sub) => {
      describe(sub.setName(name), name);
      if (name === 'model-answer' || name === 'drill') {
        sub.addStringOption((o) =>
          o
            .setName(PRACTICE_OPTION.stage)
            .setDescription('Stage')
            .addChoices(...stageChoices),
        );
      }
      if (name === 'reminders' || name === 'self-assess') {
        sub.addStringOption((o) =>
          o
            .setName(PRACTICE_OPTION.state)
            .setDescription('on or off')
            .setRequired(true)
            .addChoices({ name: 'on', value: 'on' }, { name: 'off', value: 'off' }),
        );
      }
      return sub;
    });
  }
}

const modelAnswer: Translator = async (interaction, context) => {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const actor = actorId(interaction.user.id);
  const lang = langFromLocale(interaction.locale);
  const sessionId = await interviewHere(context.app.engine, actor, interaction.channel);
  if (!sessionId) {
    await replyPrivately(
      interaction,
      'ephemeral-reply',
      describeError({ code: 'no-session' }, lang),
    );
    return;
  }
  const stage = interaction.options.getString(PRACTICE_OPTION.stage) as StageId | null;
  const command: Command = stage ? { kind: 'model-answer', stage } : { kind: 'model-answer' };
  const outcome = await context.app.engine.execute({ actor, sessionId, command, lang });
  await answerCommand(interaction, 'ephemeral-reply', outcome);
};

function drillTranslator(due: boolean): Translator {
  return async (interaction, context) => {
    const lang = langFromLocale(interaction.locale);
    const stage = due ? null : interaction.options.getString(PRACTICE_OPTION.stage);
    const plan = await context.app.engine.planDrill(actorId(interaction.user.id), {
      lang,
      ...(due ? { due: true } : stage ? { stage } : {}),
    });
    if (!plan.ok) {
      await interaction.reply({
        content: describeError(plan.error, plan.lang),
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
      return;
    }
    await startInterview(interaction, context, {
      kind: 'start',
      scenarioId: plan.scenarioId,
      lang,
      drill: { stage: plan.stage, why: plan.why },
    });
  };
}

/** A setting the candidate turns on or off for themselves, answered privately. */
function settingTranslator(kind: 'reminders' | 'self-assess-setting'): Translator {
  return async (interaction, context) => {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const on = interaction.options.getString(PRACTICE_OPTION.state, true) === 'on';
    const outcome = await context.app.engine.execute({
      actor: actorId(interaction.user.id),
      command: { kind, on },
      lang: langFromLocale(interaction.locale),
    });
    await answerCommand(interaction, 'ephemeral-reply', outcome);
  };
}

export const PRACTICE_TRANSLATORS: Record<(typeof PRACTICE_SUBCOMMANDS)[number], Translator> = {
  'model-answer': modelAnswer,
  drill: drillTranslator(false),
  practice: drillTranslator(true),
  reminders: settingTranslator('reminders'),
  'self-assess': settingTranslator('self-assess-setting'),
};
