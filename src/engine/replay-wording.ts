/**
 * What replay links and self-assessment say to a candidate, in English and Chinese. Kept apart
 * from messages.ts so each stays a readable size.
 */
import type { Lang } from './types.ts';

export interface ReplayText {
  /** "turn 7": a transcript turn, as the export numbers it. */
  turn: (n: number) => string;
  /** The label of a link to the message itself (Discord, Slack). */
  jump: (n: number) => string;
  selfAssessOn: string;
  selfAssessOff: string;
  /** The interview's last words when the candidate rates the stages before the scorecard. */
  wrapUpSelf: string;
  /** The export while the ratings are being asked: no scores yet. */
  scorecardAfterRating: string;
  /** The question before the scorecard: how did `stage` go, 1–4? */
  ratePrompt: (stage: string, number: number, total: number) => string;
  /** How to answer in the terminal. */
  rateTyped: string;
  rateInvalid: string;
  skip: string;
  /** The four levels as buttons: "1 · weak" ... */
  rateLabels: Record<1 | 2 | 3 | 4, string>;
  selfTitle: string;
  /** One stage on the scorecard: "Metrics: you 3, scored 2.4". */
  selfLine: (stage: string, self: number, scored: string) => string;
  /** The mean distance between self-ratings and scores. */
  selfGap: (gap: number) => string;
  selfNone: string;
  /** History: the distance per interview, oldest first, and whether it is shrinking. */
  selfTrend: (gaps: string, delta: number | null) => string;
}

const EN: ReplayText = {
  turn: (n) => `turn ${n}`,
  jump: (n) => `↪ turn ${n}`,
  selfAssessOn:
    'Self-assessment is on: at the end of each interview you rate each stage 1–4 before the scorecard, which then shows your view against the score. Turn it off with /self-assess off.',
  selfAssessOff: 'Self-assessment is off.',
  wrapUpSelf:
    "That's the end of the interview. Thank you! Before your scorecard, rate how each stage went.",
  scorecardAfterRating:
    'The scorecard is shown once you have rated each stage (or skipped): see the question in the interview.',
  ratePrompt: (stage, number, total) =>
    `Before the scorecard: how would you rate ${stage} (${number} of ${total})? 1 weak · 2 partial · 3 solid · 4 strong.`,
  rateTyped: 'Type 1, 2, 3 or 4 (or s to skip the rest).',
  rateInvalid: 'Please type 1, 2, 3 or 4, or s to skip.',
  skip: 'Skip',
  rateLabels: { 1: '1 · weak', 2: '2 · partial', 3: '3 · solid', 4: '4 · strong' },
  selfTitle: 'Your view against the score',
  selfLine: (stage, self, scored) => `${stage}: you ${self}, scored ${scored}`,
  selfGap: (gap) => `Mean distance between your view and the score: ${gap.toFixed(1)}.`,
  selfNone: 'You skipped the self-assessment.',
  selfTrend: (gaps, delta) =>
    `Self-assessment (mean distance to the score, oldest first): ${gaps}${
      delta === null
        ? ''
        : delta < 0
          ? ' — converging'
          : delta > 0
            ? ' — drifting apart'
            : ' — steady'
    }.`,
};

const ZH: ReplayText = {
  turn: (n) => `第 ${n} 轮`,
  jump: (n) => `↪ 第 ${n} 轮`,
  selfAssessOn:
    '自我评估已开启：每次面试结束、看评分卡之前，你先给每个阶段打 1–4 分，评分卡会把你的判断和评分放在一起。用 /self-assess off 关闭。',
  selfAssessOff: '自我评估已关闭。',
  wrapUpSelf: '面试到此结束，谢谢！看评分卡之前，先给每个阶段打个分。',
  scorecardAfterRating: '给每个阶段打分（或跳过）之后才显示评分卡：请看面试里的提问。',
  ratePrompt: (stage, number, total) =>
    `看评分卡之前：你给「${stage}」打几分（第 ${number}/${total} 个）？1 弱 · 2 部分 · 3 扎实 · 4 出色。`,
  rateTyped: '输入 1、2、3 或 4（输入 s 跳过剩下的）。',
  rateInvalid: '请输入 1、2、3 或 4，或输入 s 跳过。',
  skip: '跳过',
  rateLabels: { 1: '1 · 弱', 2: '2 · 部分', 3: '3 · 扎实', 4: '4 · 出色' },
  selfTitle: '你的判断与评分',
  selfLine: (stage, self, scored) => `${stage}：自评 ${self}，评分 ${scored}`,
  selfGap: (gap) => `自评与评分的平均差距：${gap.toFixed(1)}。`,
  selfNone: '你跳过了自我评估。',
  selfTrend: (gaps, delta) =>
    `自我评估（与评分的平均差距，从早到晚）：${gaps}${
      delta === null ? '' : delta < 0 ? '，在收敛' : delta > 0 ? '，在拉大' : '，持平'
    }。`,
};

const TABLE: Record<Lang, ReplayText> = { en: EN, zh: ZH };

export function replayText(lang: Lang): ReplayText {
  return TABLE[lang];
}
