/**
 * The slash command the bot registers: `/interview <subcommand>`. One command with
 * subcommands keeps the server's command list tidy. `discord-register` sends `commandsJson()`;
 * the interaction router reads the same names.
 */
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from 'discord.js';
import { DIFFICULTIES, LANGS, MODES, SESSION_WORDS } from '../../engine/command-words.ts';
import { addForgetMeSubcommand } from './forget-me-command.ts';
import { describe } from './descriptions.ts';
import { addPracticeSubcommands } from './practice-commands.ts';

export const COMMAND_NAME = 'interview';

export const OPTION = {
  scenario: 'scenario',
  mode: 'mode',
  language: 'language',
  difficulty: 'difficulty',
} as const;

export function interviewCommand(): SlashCommandBuilder {
  const command = new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription('Mock ML system design interviews')
    .setDescriptionLocalizations({
      'zh-CN': '机器学习系统设计模拟面试',
      'zh-TW': '机器学习系统设计模拟面试',
    })
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

  command.addSubcommand((sub) =>
    describe(sub.setName('start'), 'start')
      .addStringOption((o) =>
        o
          .setName(OPTION.scenario)
          .setDescription('Scenario id (type to search)')
          .setRequired(true)
          .setAutocomplete(true),
      )
      .addStringOption((o) =>
        o
          .setName(OPTION.mode)
          .setDescription('interview: feedback at the end; coach: feedback after each stage')
          .addChoices(...MODES.map((m) => ({ name: m, value: m }))),
      )
      .addStringOption((o) =>
        o
          .setName(OPTION.language)
          .setDescription('Interview language')
          .addChoices(...LANGS.map((l) => ({ name: l === 'en' ? 'English' : '中文', value: l }))),
      )
      .addStringOption((o) =>
        o
          .setName(OPTION.difficulty)
          .setDescription('How hard the interviewer probes')
          .addChoices(...DIFFICULTIES.map((d) => ({ name: d, value: d }))),
      ),
  );
  for (const name of [...SESSION_WORDS, 'history', 'scenarios']) {
    command.addSubcommand((sub) => describe(sub.setName(name), name));
  }
  addForgetMeSubcommand(command);
  addPracticeSubcommands(command);
  return command;
}

/** The JSON body for `PUT /applications/{id}/commands` (or the guild variant). */
export function commandsJson(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [interviewCommand().toJSON()];
}
