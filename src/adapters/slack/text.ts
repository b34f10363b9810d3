/**
 * The Slack app's own wording (the engine's is in src/engine/messages.ts), in English and
 * Chinese. Functions take values that are already escaped for mrkdwn where they return mrkdwn.
 */
import type { Lang } from '../../engine/types.ts';

const EN = {
  help: [
    '*Mock ML system design interviews*',
    '`/interview` or `/interview start`: pick a scenario, mode, language and difficulty',
    '`/interview start <scenario> [interview|coach] [en|zh] [easy|medium|hard]`: start directly',
    'The interview runs in the thread under the start message: reply there to answer.',
    '`/interview followup` · `hint` · `next` · `end` · `scorecard` · `export` · `status`: act on your current interview (or use its buttons)',
    '`/interview history`: your past interviews and trend · `/interview scenarios`: the list',
    '`/interview model-answer [stage]` · `drill [stage]` · `practice` · `reminders on|off`: practise (model answers, one-stage drills, the review schedule, DM reminders)',
    '`/interview self-assess on|off`: rate each stage yourself before the scorecard (from your next interview)',
  ].join('\n'),
  unsupported: (word: string) =>
    `I don't know \`${word}\`. Try \`/interview help\` for the commands.`,
  /** The message the interview's thread hangs under. `user` is a mention we build. */
  rootMessage: (user: string, title: string, mode: string, difficulty: string) =>
    `${user} started a mock interview: *${title}* (${mode}, ${difficulty}).\nReply in this thread to answer; only ${user} can answer and use the buttons.`,
  rootFailed: (title: string) => `Mock interview: *${title}* could not start.`,
  postedInThread: 'Done: see your interview thread.',
  cannotPost:
    "I can't post in this conversation. Invite me to the channel (`/invite @ML Interviewer`), or start the interview from my App Home.",
  exportFallback: (filename: string) =>
    `I could not upload the file, so here is ${filename} as text:`,
  exportComment: 'Transcript and scorecard (Markdown).',
  scenariosHeading: '*Scenarios* (`/interview start <id>`):',
  moreInExport: 'More detail is in the export: `/interview export`.',
  modal: {
    title: 'Mock interview',
    submit: 'Start',
    close: 'Cancel',
    scenario: 'Scenario',
    scenarioPlaceholder: 'Pick a scenario',
    mode: 'Mode',
    modeHint: 'Interview: feedback at the end. Coach: feedback after each stage.',
    language: 'Language',
    difficulty: 'Difficulty',
    where: 'The interview starts in this conversation, in a thread.',
    whereHome: 'The interview starts in your messages with me, in a thread.',
  },
  langNames: { en: 'English', zh: '中文 (Chinese)' },
  home: {
    title: 'ML system design mock interviews',
    intro:
      'Practice machine-learning system design with a mock interviewer: it walks you through the stages, asks follow-ups, gives hints and scores each stage against a rubric.',
    start: 'Start an interview',
    past: 'Your interviews',
    none: 'No interviews yet. Start one, or type `/interview` in a channel.',
    trend: 'Overall trend',
    stageTrends: 'Stage scores over your finished interviews',
    more: (n: number) => `…and ${n} older interview${n === 1 ? '' : 's'}.`,
  },
};

export type SlackText = typeof EN;

const ZH: SlackText = {
  help: [
    '*机器学习系统设计模拟面试*',
    '`/interview` 或 `/interview start`：选择题目、模式、语言和难度',
    '`/interview start <题目> [interview|coach] [en|zh] [easy|medium|hard]`：直接开始',
    '面试在开始消息下的话题（thread）中进行：在那里回复即是作答。',
    '`/interview followup` · `hint` · `next` · `end` · `scorecard` · `export` · `status`：操作当前面试（也可以用按钮）',
    '`/interview history`：历史面试和趋势 · `/interview scenarios`：题目列表',
    '`/interview model-answer [阶段]` · `drill [阶段]` · `practice` · `reminders on|off`：练习（参考答案、单阶段专项练习、复习计划、私信提醒）',
    '`/interview self-assess on|off`：看评分卡前先给每个阶段自评（从下一次面试起）',
  ].join('\n'),
  unsupported: (word: string) => `不认识 \`${word}\`。输入 \`/interview help\` 查看命令。`,
  rootMessage: (user: string, title: string, mode: string, difficulty: string) =>
    `${user} 开始了一场模拟面试：*${title}*（${mode}，${difficulty}）。\n请在此话题中回复作答；只有 ${user} 可以作答和使用按钮。`,
  rootFailed: (title: string) => `模拟面试 *${title}* 未能开始。`,
  postedInThread: '已完成：请查看你的面试话题。',
  cannotPost:
    '我无法在这个对话中发消息。请把我邀请进频道（`/invite @ML Interviewer`），或在我的 App Home 中开始面试。',
  exportFallback: (filename: string) => `无法上传文件，以下是 ${filename} 的文本：`,
  exportComment: '面试记录和评分卡（Markdown）。',
  scenariosHeading: '*题目列表*（`/interview start <id>`）：',
  moreInExport: '更多细节请导出查看：`/interview export`。',
  modal: {
    title: '模拟面试',
    submit: '开始',
    close: '取消',
    scenario: '题目',
    scenarioPlaceholder: '选择一个题目',
    mode: '模式',
    modeHint: '面试：最后统一反馈。教练：每个阶段后反馈。',
    language: '语言',
    difficulty: '难度',
    where: '面试将在此对话的话题（thread）中开始。',
    whereHome: '面试将在你和我的私信中以话题（thread）形式开始。',
  },
  langNames: { en: 'English（英文）', zh: '中文' },
  home: {
    title: '机器学习系统设计模拟面试',
    intro:
      '和模拟面试官练习机器学习系统设计：逐个阶段提问、追问、给提示，并按评分标准为每个阶段打分。',
    start: '开始面试',
    past: '你的面试',
    none: '还没有面试记录。点击开始，或在频道中输入 `/interview`。',
    trend: '总分趋势',
    stageTrends: '已完成面试中各阶段的得分',
    more: (n: number) => `……以及更早的 ${n} 场面试。`,
  },
};

export function slackText(lang: Lang): SlackText {
  return lang === 'zh' ? ZH : EN;
}
