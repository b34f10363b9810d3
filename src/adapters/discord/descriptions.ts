/**
 * What each `/interview` subcommand says about itself in Discord's command picker, in English
 * and Chinese: one table for the interview's subcommands and the practice ones, and one way
 * to put a description on a builder.
 */
import { msg } from '../../engine/messages.ts';
import { ACTIONS, type Action } from '../../engine/types.ts';

type Description = { en: string; zh: string };

function actionDescription(action: Action): Description {
  const en = msg('en').actionHelp[action];
  return { en: en.charAt(0).toUpperCase() + en.slice(1), zh: msg('zh').actionHelp[action] };
}

/** The practice loop's subcommands (practice-commands.ts adds them). */
export const PRACTICE_SUBCOMMANDS = [
  'model-answer',
  'drill',
  'practice',
  'reminders',
  'self-assess',
] as const;

/** English, then Chinese. */
const DESCRIPTIONS: Record<string, Description> = {
  ...Object.fromEntries(
    Object.entries<readonly [en: string, zh: string]>({
      start: ['Start a mock ML system design interview', '开始一场机器学习系统设计模拟面试'],
      scorecard: ['Show the scorecard (so far)', '查看评分卡（目前为止）'],
      status: ['Where the interview stands: stage, time, hints', '面试进度：阶段、用时、提示'],
      export: [
        'Download the transcript and scorecard as Markdown',
        '下载面试记录和评分卡（Markdown）',
      ],
      history: ['Your past interviews and your trend', '你的历史面试和进步趋势'],
      scenarios: ['List the interview scenarios', '列出所有面试题目'],
      'model-answer': [
        'The model answer of a stage (after the interview, or after a stage in coach mode)',
        '某个阶段的参考答案（面试结束后，或教练模式下阶段结束后）',
      ],
      drill: ['Drill one stage (default: your weakest)', '专项练习一个阶段（默认：你最弱的）'],
      practice: ['Practise the stage due for review', '练习到期复习的阶段'],
      reminders: ['Practice reminders by DM, on or off', '私信练习提醒：开启或关闭'],
      'self-assess': [
        'Rate each stage yourself before the scorecard, on or off',
        '看评分卡前先给每个阶段自评：开启或关闭',
      ],
    }).map(([key, [en, zh]]) => [key, { en, zh }]),
  ),
  // The four button actions are described as the engine's help text describes them.
  ...Object.fromEntries(ACTIONS.map((action) => [action, actionDescription(action)])),
};

/** Puts subcommand `key`'s description (English, with the Chinese localisations) on `builder`. */
export function describe<
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
