/**
 * `/interview forget-me`: delete everything the app keeps about the user, after a typed
 * confirmation (`/interview forget-me confirm`, or 确认). Without it, only a warning saying
 * what would be deleted. Always answered only to the user.
 */
import { forgetWording } from '../../engine/forget-wording.ts';
import type { Lang, Reply } from '../../engine/types.ts';

export const FORGET_ME_WORD = 'forget-me';

export function forgetText(reply: Extract<Reply, { kind: 'forget' }>, lang: Lang): string {
  if (reply.step === 'done') return reply.text;
  return `⚠️ ${reply.text} ${forgetWording(lang).typed(`/interview ${FORGET_ME_WORD} confirm`)}`;
}
