/**
 * The notes the LLM judge adds to a stage score, in the interview's language: how far its
 * samples agreed (the score's confidence), samples dropped as malformed, and "yes" answers
 * that did not hold up against the candidate's words.
 */
import type { Lang } from '../../knowledge/schema.ts';

export function agreementNote(samples: number, spread: number, lang: Lang): string {
  if (lang === 'zh') {
    return spread === 0
      ? `${samples} 次评分在每项标准上一致`
      : `${samples} 次评分在单项标准上最多相差 ${spread} 级（取中位数）`;
  }
  return spread === 0
    ? `${samples} samples agreed on every criterion`
    : `${samples} samples varied by up to ${spread} level${spread === 1 ? '' : 's'} on a criterion (median taken)`;
}

export function droppedSamplesNote(
  dropped: number,
  asked: number,
  reason: string,
  lang: Lang,
): string {
  if (lang === 'zh') {
    return `${asked} 次评分中有 ${dropped} 次无法使用，已舍弃（${reason}）`;
  }
  return `${dropped} of ${asked} samples ${dropped === 1 ? 'was' : 'were'} unusable and dropped (${reason})`;
}

export function unsupportedYesNote(count: number, lang: Lang): string {
  if (lang === 'zh') {
    return `${count} 项检查答「是」但引文不在回答中，按「否」计`;
  }
  return `${count} check${count === 1 ? '' : 's'} answered yes with a quote not in the answer ${count === 1 ? 'was' : 'were'} counted as no`;
}
