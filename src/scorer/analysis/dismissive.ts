/**
 * Dismissive sentences: something waved away as unneeded, outdated or beside the point ("there's
 * no point computing it ahead of time", "async is outdated", "that's really all we need",
 * "没必要做 A/B", "这个过时了"). A senior answer weighs what it leaves out and says why; an
 * answer that is confidently wrong at length leans on waving things away. The offline scorer
 * weighs the share of content sentences that do it (src/scorer/features.ts); the training keeps
 * that weight at or below zero.
 *
 * Unlike knowledge/dismissals.yaml (a *named standard practice* dismissed with no reason, a
 * wrong idea), this reads the register alone, whatever is waved away and with or without a
 * reason, so it is a weak signal for the model to weigh, never a rule. Written from general usage
 * of dismissive phrasing; the list was chosen after seeing a few of the scoring corpus's
 * confidently-wrong answers ("no point", "outdated", "all we need").
 */
import { wordListPattern } from './word-list.ts';

const DISMISSIVE_EN = wordListPattern([
  'no point',
  'no need',
  "(do|does|did)(n['’]t| not) (really )?(need|matter)",
  'overkill',
  'over-?engineer\\w*',
  'outdated',
  'old[- ]fashioned',
  'simple as that',
  "(that['’]s|is) (really )?all we need",
  'anything else is',
  'good enough',
  "won['’]t matter",
  'not worth (it|the)',
  'waste of (time|money|effort)',
  'unnecessary',
  'pointless',
  'not needed',
  'never needed',
]);

// 过时 (outdated), not the 过时 of 超过时间 / 通过时 / 经过时, nor 不过时 (not outdated).
const DISMISSIVE_ZH =
  /没必要|不需要|不用(做|管|考虑|担心)|多余|(?<![超通经不])过时|浪费|没有意义|没意义|就够了|足够了/;

/** Does the sentence wave something away? */
export function isDismissive(sentence: string): boolean {
  return DISMISSIVE_EN.test(sentence) || DISMISSIVE_ZH.test(sentence);
}
