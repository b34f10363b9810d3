/** What `/forget-me` says, in English and Chinese (the platforms render it as it is). */
import type { Lang } from './types.ts';

/** The word that confirms, typed after the command (`/forget-me confirm`); 确认 works too. */
export const FORGET_CONFIRM_WORDS = ['confirm', '确认'] as const;

export function isForgetConfirmation(word: string | undefined): boolean {
  return (
    word !== undefined &&
    (FORGET_CONFIRM_WORDS as readonly string[]).includes(word.trim().toLowerCase())
  );
}

interface ForgetWording {
  /** The warning before anything is deleted (the platform adds how to confirm). */
  confirm: (sessions: number) => string;
  done: (sessions: number) => string;
  /** How to confirm by typing: `confirmCommand` is the whole command, e.g. `/forget-me confirm`. */
  typed: (confirmCommand: string) => string;
}

const en: ForgetWording = {
  confirm: (n) =>
    `This deletes everything this bot keeps about you: ${n} interview${n === 1 ? '' : 's'} with every answer, your history and scores. It cannot be undone.`,
  done: (n) =>
    n === 0
      ? 'Nothing was stored about you: there is nothing to delete.'
      : `Deleted ${n} interview${n === 1 ? '' : 's'} with every answer, your history and scores. Nothing about you is kept any more.`,
  typed: (command) => `To delete, send \`${command}\`.`,
};

const zh: ForgetWording = {
  confirm: (n) =>
    `这会删除本机器人保存的关于你的全部数据：${n} 场面试及其所有回答、历史记录和评分，且无法恢复。`,
  done: (n) =>
    n === 0
      ? '没有保存任何关于你的数据，无需删除。'
      : `已删除 ${n} 场面试及其所有回答、历史记录和评分，不再保留任何关于你的数据。`,
  typed: (command) => `确认删除请发送 \`${command}\`（confirm 也可写作“确认”）。`,
};

export function forgetWording(lang: Lang): ForgetWording {
  return lang === 'zh' ? zh : en;
}
