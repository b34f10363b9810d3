/**
 * What the practice loop says to a candidate (model answers, drills, the schedule, reminders),
 * in English and Chinese. Kept apart from messages.ts so each stays a readable size.
 */
import type { Lang, Reply } from './types.ts';

type Params = Record<string, string | number>;

export interface PracticeText {
  unknownStage: (p: Params) => string;
  nothingDue: (p: Params) => string;
  modelAnswerHeading: (stageTitle: string, scenarioTitle: string) => string;
  modelAnswerWhenOver: string;
  noModelAnswer: (stageTitle: string) => string;
  drillStarted: (
    stageTitle: string,
    scenarioTitle: string,
    why: 'asked' | 'weakest' | 'due',
  ) => string;
  remindersOn: string;
  remindersOff: string;
  reminder: (stageTitles: string[]) => string;
  drillLabel: string;
}

const EN: PracticeText = {
  unknownStage: (p) => `There is no stage "${p.stage}" here. Stages: ${p.stages}.`,
  nothingDue: (p) =>
    p.next
      ? `Nothing is due for review yet; the next stage (${p.stage}) is due ${p.next}. Try /drill to practise anyway.`
      : 'Nothing to review yet: finish an interview or a drill first (try /drill).',
  modelAnswerHeading: (stage, scenario) => `Model answer (level 4), ${stage} — ${scenario}`,
  modelAnswerWhenOver:
    'Model answers are shown after the interview (in coach mode, after each stage), so they do not give the answers away.',
  noModelAnswer: (stage) => `There is no model answer for ${stage} in this scenario yet.`,
  drillStarted: (stage, scenario, why) =>
    `Drill: one stage, ${stage}, on “${scenario}”${why === 'weakest' ? ' (your weakest stage so far)' : why === 'due' ? ' (due for review)' : ''}. Answer, then /next (or End) for the score and the model answer.`,
  remindersOn:
    'Practice reminders are on: I will send you a direct message when a stage is due for review. Turn them off with /reminders off.',
  remindersOff: 'Practice reminders are off.',
  reminder: (stages) =>
    `Time to practise: ${stages.join(', ')} ${stages.length === 1 ? 'is' : 'are'} due for review. Start with /practice. (Turn these off with /reminders off.)`,
  drillLabel: 'drill',
};

const ZH: PracticeText = {
  unknownStage: (p) => `这里没有名为 "${p.stage}" 的阶段。可选阶段：${p.stages}。`,
  nothingDue: (p) =>
    p.next
      ? `目前没有到期需要复习的阶段；下一个（${p.stage}）在 ${p.next} 到期。也可以用 /drill 直接练习。`
      : '还没有可复习的内容：先完成一场面试或一次专项练习（试试 /drill）。',
  modelAnswerHeading: (stage, scenario) => `参考答案（4 分水平）：${stage} — ${scenario}`,
  modelAnswerWhenOver: '参考答案在面试结束后提供（教练模式下在每个阶段之后），以免提前泄露答案。',
  noModelAnswer: (stage) => `这个题目的「${stage}」阶段还没有参考答案。`,
  drillStarted: (stage, scenario, why) =>
    `专项练习：只练一个阶段「${stage}」，题目「${scenario}」${why === 'weakest' ? '（你目前最弱的阶段）' : why === 'due' ? '（到期复习）' : ''}。回答后用 /next（或结束）查看评分和参考答案。`,
  remindersOn: '练习提醒已开启：有阶段到期复习时我会私信你。用 /reminders off 关闭。',
  remindersOff: '练习提醒已关闭。',
  reminder: (stages) =>
    `该练习了：${stages.join('、')} 到期需要复习。用 /practice 开始。（用 /reminders off 关闭提醒。）`,
  drillLabel: '专项练习',
};

export function practiceText(lang: Lang): PracticeText {
  return lang === 'zh' ? ZH : EN;
}

/** A model-answer reply as plain text: a heading line, then the answer. */
export function modelAnswerText(
  reply: Extract<Reply, { kind: 'model-answer' }>,
  lang: Lang,
): {
  heading: string;
  body: string;
} {
  return {
    heading: practiceText(lang).modelAnswerHeading(reply.title, reply.scenarioTitle),
    body: reply.text,
  };
}
