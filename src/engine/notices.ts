/**
 * Wording for what the engine says when it will not invent something: an interview with no
 * answers gets no score, and the LLM path switches off and on again. English and Chinese, like
 * messages.ts (kept apart so that table stays under its size limit).
 */
import type { Lang } from './types.ts';

const NOTICES = {
  en: {
    notEnoughToJudge:
      'Not enough to judge: no stage was answered, so there is no score. This interview is not counted in your history; start a new one whenever you like.',
    notEnoughToJudgeYet:
      'Not enough to judge yet: no stage has been answered and closed, so there is no score. Answer the question, then /next closes the stage and scores it.',
    llmOffline: (reason: string, seconds: number) =>
      `The LLM is not answering (${reason}), so the interview goes on offline (rule-based) for now; it tries the LLM again in about ${seconds} s.`,
    llmBack: 'The LLM is answering again: the interview is LLM-driven again.',
  },
  zh: {
    notEnoughToJudge:
      '信息不足，无法评判：没有任何阶段作答，因此没有分数。这场面试不计入你的历史记录；随时可以开始新的面试。',
    notEnoughToJudgeYet:
      '目前信息不足，无法评判：还没有作答并结束的阶段，因此没有分数。请先回答问题，然后用 /next 结束本阶段并评分。',
    llmOffline: (reason: string, seconds: number) =>
      `LLM 没有响应（${reason}），面试暂时以离线规则模式继续；大约 ${seconds} 秒后会再次尝试 LLM。`,
    llmBack: 'LLM 已恢复响应：面试重新由 LLM 驱动。',
  },
} as const;

export function notices(lang: Lang) {
  return NOTICES[lang];
}
