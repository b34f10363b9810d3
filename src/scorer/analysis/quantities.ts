/**
 * The figures a sentence commits to: "p99 under 80 ms", "20% of traffic", "retrain weekly on
 * 30 days". Candidates write them in digits, and also in words: a speech-to-text transcript
 * spells "fifty milliseconds" and "ninety five percent", and a Chinese candidate types
 * "两周", "五十毫秒" or "百分之五". Read in digits only, a spoken or Chinese answer with the same
 * targets as a typed one would look unquantified and score lower for how it was written.
 * Each figure is one match, however it is written ("20 thousand", "twenty thousand"), because
 * the scorer counts distinct figures.
 */
import { normalize } from '../../knowledge/signals.ts';

/** Digits with an optional unit ("80 ms", "20%", "1.5M", "20 thousand", "5万"). */
const DIGITS =
  /(?<![a-z0-9@_.-])\d[\d,.]*\s*(%|ms|s\b|sec|seconds?|minutes?|min|hours?|h\b|days?|weeks?|months?|k\b|m\b|b\b|hundred\b|thousand\b|million\b|billion\b|gb|tb|mb|kb|qps|rps|tps|x\b|万|亿|千|百|毫秒|秒|分钟|小时|天|周|个月)?/gi;

const SMALL = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
/** A number word below a hundred: "seven", "twelve", "forty five", "ninety-nine". */
const NUMBER = `(?:${TENS})(?:[- ](?:${SMALL}))?|${TEENS}|${SMALL}`;
const MAGNITUDE = 'hundreds?|thousands?|millions?|billions?';
const UNITS =
  'percent|per cent|percentage points?|milliseconds?|millis|seconds?|minutes?|hours?|days?|weeks?|months?|years?|times|x|k|gigabytes?|terabytes?|megabytes?|queries|requests';
/** A unit after a number, spaced or hyphenated ("two weeks", "a seven-day window"). */
const WITH_UNIT = `(?:[\\s-]+(?:${UNITS})\\b)?`;

/**
 * Spelled-out English figures, each one match. A magnitude is a figure with or without its
 * number ("hundreds of items", "two hundred milliseconds", "twenty thousand users"); from ten up
 * a number word is one on its own ("the top twenty"), as its digits would be; below ten only
 * with a unit ("two weeks", "five percent"): alone, "one model" and "two towers" are not
 * estimates. "zero point eight" is a decimal; "twice" and "half" are ratios. ("20 thousand" is
 * read with the digits.)
 */
const WORDS = new RegExp(
  [
    `(?<!\\d[\\d,.]*\\s*)\\b(?:(?:${NUMBER})[- ])?(?:${MAGNITUDE})(?:[- ](?:and[- ])?(?:${NUMBER}))?\\b${WITH_UNIT}`,
    `\\b(?:${TENS})(?:[- ](?:${SMALL}))?\\b${WITH_UNIT}`,
    `\\b(?:${TEENS})\\b${WITH_UNIT}`,
    `\\b(?:zero|oh|${SMALL}) point (?:zero|oh|${SMALL})\\b`,
    `\\b(?:${SMALL})[\\s-]+(?:${UNITS})\\b`,
    '\\b(?:twice|half)\\b',
  ].join('|'),
  'gi',
);

const CN_DIGIT = '一二两三四五六七八九十几';
const CN_NUMERAL = `零${CN_DIGIT}百千万亿`;
/**
 * Chinese figures in characters: a numeral that starts with a digit or 几 ("a few") followed
 * by a unit of time or a multiple, or ending in 万/亿 ("五千万"); "百万" and amounts led by 数 or
 * 上 ("数百万", "上亿"), and orders of magnitude ("千万级"); percentages ("百分之五"). Not figures: 千万 and 万一 ("be sure to", "in
 * case"), ordinals and "some day" (第二天, 有一天), and idioms (十万火急, 三天两头). A numeral
 * runs at most nine characters, so a pasted run of them costs no more than a word.
 */
const CHINESE = new RegExp(
  [
    `(?<![第有${CN_NUMERAL}])[${CN_DIGIT}][${CN_NUMERAL}]{0,8}(?:毫秒|秒钟?|分钟|个?小时|天(?!两头)|周|个?星期|个月|年|倍|个百分点)`,
    `(?<![第有${CN_NUMERAL}])[${CN_DIGIT}][${CN_NUMERAL}]{0,8}[万亿](?!火急)`,
    `[数上][十百千万亿]{1,4}|百万|[百千]万级|亿级`,
    `百分之[${CN_NUMERAL}]{1,8}`,
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
