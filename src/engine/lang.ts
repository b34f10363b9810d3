/** Which language a piece of text is in, for adapters that must answer before any session does. */
import { looksChinese } from '../knowledge/signals.ts';
import type { Lang } from './types.ts';

export function langOfText(text: string): Lang {
  return looksChinese(text) ? 'zh' : 'en';
}
