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
import { msg } from '../../engine/messages.ts';
import { addForgetMeSubcommand } from './forget-me-command.ts';
import { ACTIONS, type Action } from '../../engine/types.ts';
import { addPracticeSubcommands } from './practice-commands.ts';

export const COMMAND_NAME = 'interview';

export const OPTION = {
  scenario: 'scenario',
  mode: 'mode',
  language: 'language',
  difficulty: 'difficulty',
} as const;

function actionDescription(action: Action): { en: string; zh: string } {
  const en = msg('en').actionHelp[action];
  return { en: en.charAt(0).toUpperCase() + en.slice(1), zh: msg('zh').actionHelp[action] };
}

const DESCRIPTIONS: Record<string, { en: string; zh: string }> = {
  start: { en: 'Start a mock ML system design interview', zh: '开始一场机器学习系统设计模拟面试' },
  // The four button actions are described as the engine's help text describes them.
  ...Object.fromEntries(ACTIONS.map((action) => [action, actionDescription(action)])),
  scorecard: { en: 'Show the scorecard (so far)', zh: '查看评分卡（目前为止）' },
  status: {
    en: 'Where the interview stands: stage, time, hints',
    zh: '面试进度：阶段、用时、提示',
  },
  export: {
    en: 'Download the transcript and scorecard as Markdown',
    zh: '下载面试记录和评分卡（Markdown）',
  },
  history: { en: 'Your past interviews and your trend', zh: '你的历史面试和进步趋势' },
  scenarios: { en: 'List the interview scenarios', zh: '列出所有面试题目' },
};

function describe<
  T extends {
    setDescription(d: string): T;
    setDescriptionLocalizations(l: Record<string, string>): T;
  },
>(builder: T, key: string): T {
  const text = DESCRIPTIONS[key]!;
  return builder
    .setDescription(text.en)
    .setDescriptionLocalizations({ 'zh-CN': text.zh, 'zh-TW': text.zh });
}

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
