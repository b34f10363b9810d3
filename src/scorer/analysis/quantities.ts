/**
 * The figures a sentence commits to: "p99 under 80 ms", "20% of traffic", "retrain weekly on
 * 30 days". Candidates write them in digits, and also in words: a speech-to-text transcript
 * spells "fifty milliseconds" and "ninety five percent", and a Chinese candidate types
 * "两周", "五十毫秒" or "百分之五". Read in digits only, a spoken or Chinese answer with the same
 * targets as a typed one would look unquantified and score lower for how it was written.
 */
import { normalize } from '../../knowledge/signals.ts';

/** Digits with an optional unit, and the magnitude words that are figures on their own. */
const DIGITS =
  /(?<![a-z0-9@_.-])\d[\d,.]*\s*(%|ms|s\b|sec|seconds?|minutes?|min|hours?|h\b|days?|weeks?|months?|k\b|m\b|b\b|gb|tb|mb|kb|qps|rps|tps|x\b|万|亿|千|百|毫秒|秒|分钟|小时|天|周|个月)?|\b(hundreds?|thousands?|millions?|billions?|twice|half)\b/gi;

const SMALL = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS =
  'percent|per cent|percentage points?|milliseconds?|millis|seconds?|minutes?|hours?|days?|weeks?|months?|years?|times|x|k|gigabytes?|terabytes?|megabytes?|queries|requests';

/**
 * Spelled-out English figures. From ten up a number word is a figure on its own ("the top
 * twenty", "forty five features"), as its digits would be. Below ten it counts only with a unit
 * ("two weeks", "five percent"): alone, "one model" and "two towers" are not estimates.
 * "zero point eight" is a decimal.
 */
const WORDS = new RegExp(
  [
    `\\b(?:${TENS})(?:[- ](?:${SMALL}))?(?:\\s+(?:${UNITS})\\b)?`,
    `\\b(?:${TEENS})(?:\\s+(?:${UNITS})\\b)?`,
    `\\b(?:zero|oh|${SMALL}) point (?:zero|oh|${SMALL})\\b`,
    `\\b(?:${SMALL}|a couple of|a few)\\s+(?:${UNITS})\\b`,
  ].join('|'),
  'gi',
);

const CN_DIGIT = '一二两三四五六七八九十几';
const CN_NUMERAL = `零${CN_DIGIT}百千万亿`;
/**
 * Chinese figures in characters: a numeral that starts with a digit or 几 ("a few"; so "千万不要",
 * "must not", and "万一", "in case", are not figures) followed by a unit of time or a multiple, or ending in
 * 万/亿 ("五千万"), and percentages ("百分之五").
 */
const CHINESE = new RegExp(
  [
    `[${CN_DIGIT}][${CN_NUMERAL}]*(?:毫秒|秒钟?|分钟|个?小时|天|周|个?星期|个月|年|倍|个百分点)`,
    `[${CN_DIGIT}][${CN_NUMERAL}]*[万亿]`,
    `百分之[${CN_NUMERAL}]+`,
  ].join('|'),
  'g',
);

/** The distinct figures in a text, normalised (NFKC first: full-width digits are digits). */
export function quantitiesIn(text: string): Set<string> {
  const t = text.normalize('NFKC');
  return new Set(
    [...(t.match(DIGITS) ?? []), ...(t.match(WORDS) ?? []), ...(t.match(CHINESE) ?? [])].map(
      normalize,
    ),
  );
}
