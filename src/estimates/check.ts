/**
 * Back-of-the-envelope estimates in an answer, recomputed:
 * - arithmetic written out (`5B videos × 1 KB = 5 TB`, `60k QPS × 100 KB ≈ 6 GB/s`,
 *   `150k / 1k per machine = 150 machines`): recomputed with units; a result more than 3× off,
 *   or in a unit the arithmetic cannot give (GB for GB/s), is a finding;
 * - a daily count turned into a rate (`100M transactions a day, so about 100k QPS`);
 * - a figure of the scenario stated differently (`8 billion DAU` where the facts say 800M).
 * A correct estimate is credited. Arithmetic we cannot read gets a clear message.
 */
import type { NumberFact } from '../knowledge/diagram-schema.ts';
import { escapeRegExp } from '../knowledge/signals.ts';
import { NUMBER_SOURCE, parseNumber } from './numbers.ts';
import { isUnit, loadMath, math, quantity, readUnit } from './units.ts';

export type EstimateFinding =
  | { code: 'rate-off'; given: string; computedPerSecond: number; claimedPerSecond: number }
  | { code: 'arithmetic-off'; expression: string; computed: string; claimed: string; ratio: number }
  | { code: 'unit-error'; expression: string; computed: string; claimed: string }
  | { code: 'fact-off'; fact: string; stated: number; actual: number; words: string }
  | { code: 'unreadable'; text: string };

export interface EstimateCredit {
  text: string;
}

export interface EstimateReview {
  findings: EstimateFinding[];
  credits: EstimateCredit[];
}

/** More than this many times off is wrong; within it, a fair back-of-the-envelope figure. */
export const TOLERANCE = 3;

const NUM = new RegExp(NUMBER_SOURCE, 'giu');
const EQUALS = /\s*(?:=|≈|~=|≃|→|->|is about|is roughly|comes to|gives|约等于|约为|约)\s*/iu;
const OPERATOR = /\s*(?:[×*÷]|(?<=\s)[x/](?=\s)|\s\/\s)\s*/u;

interface Term {
  value: number;
  unit: string;
  text: string;
}

/** Up to two words of noun between a count and its rate: "15B impressions a day". */
const NOUN_THEN_RATE =
  /^\s*(?:[a-z\u4e00-\u9fff-]+\s*){1,2}?(?=a day|per day|\/day|per second|\/s|每天|每秒)/iu;
const RATE_UNITS = new Set(['day^-1', 's^-1', 'month^-1']);

/** The first (or last) number in `text` and the unit right after it. */
function term(text: string, which: 'first' | 'last' = 'first'): Term | null {
  // "10^" or "1e" with the exponent missing: not a number we can trust.
  if (/\^(?!\d)|\de(?![\d a-z])/iu.test(text)) return null;
  const all = [...text.matchAll(NUM)];
  const m = which === 'first' ? all[0] : all[all.length - 1];
  if (!m || m.index === undefined) return null;
  const value = parseNumber(m[0]);
  if (value === null) return null;
  const after = text.slice(m.index + m[0].length);
  let { unit, length } = readUnit(after);
  if (unit === '') {
    const noun = NOUN_THEN_RATE.exec(after);
    const rate = noun ? readUnit(after.slice(noun[0].length)) : null;
    if (noun && rate && RATE_UNITS.has(rate.unit)) {
      unit = rate.unit;
      length = noun[0].length + rate.length;
    }
  }
  return { value, unit, text: text.slice(m.index, m.index + m[0].length + length).trim() };
}

const firstTerm = (text: string) => term(text, 'first');

function ratioOff(a: number, b: number): number {
  if (a <= 0 || b <= 0) return Number.POSITIVE_INFINITY;
  return Math.max(a / b, b / a);
}

function sentences(answer: string): string[] {
  return answer
    .split(/(?<=[.!?。！？；;])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function show(x: unknown): string {
  if (isUnit(x)) return x.format({ precision: 3 });
  return typeof x === 'number' ? String(Number(x.toPrecision(3))) : String(x);
}

/** Arithmetic written out: terms joined by × / ÷, then = and the claimed result. */
function checkArithmetic(sentence: string, review: EstimateReview): boolean {
  const parts = sentence.split(EQUALS);
  const at = parts.findIndex((p, i) => i < parts.length - 1 && OPERATOR.test(p));
  if (parts.length < 2 || at === -1) return false;
  const lhsText = parts[at]!.replace(/^.*?(?=[\d零〇一二两三四五六七八九十])/su, '');
  const rhs = firstTerm(parts[at + 1] ?? '');
  const pieces = lhsText.split(OPERATOR);
  const ops = [...lhsText.matchAll(new RegExp(OPERATOR.source, 'gu'))].map((m) => m[0].trim());
  // The first piece may hold earlier figures ("at 150k QPS and 500 per GPU we need 150k"):
  // the number next to the operator is the one in the arithmetic.
  const terms = pieces.map((p, i) => term(p, i === 0 ? 'last' : 'first'));
  if (!rhs || terms.length < 2 || terms.some((t) => t === null)) {
    review.findings.push({ code: 'unreadable', text: sentence.slice(0, 120) });
    return true;
  }
  const rateContext = terms.some((t) => t!.unit === 'day^-1') || rhs.unit === 's^-1';
  let result: unknown = quantity(terms[0]!.value, terms[0]!.unit);
  try {
    terms.slice(1).forEach((term, i) => {
      const divide = ops[i] === '/' || ops[i] === '÷';
      // "÷ 86,400" (or the usual 10^5 rounding) is seconds per day, whatever unit was written.
      const perDay =
        divide &&
        rateContext &&
        term!.unit === '' &&
        term!.value >= 80_000 &&
        term!.value <= 100_000;
      const q = perDay ? math().unit(term!.value, 's/day') : quantity(term!.value, term!.unit);
      // "100M / 86,400": the count before it was per day, unit left out.
      if (perDay && !isUnit(result)) result = math().unit(result as number, 'day^-1');
      result = divide
        ? math().divide(result as never, q as never)
        : math().multiply(result as never, q as never);
    });
  } catch {
    review.findings.push({ code: 'unreadable', text: sentence.slice(0, 120) });
    return true;
  }
  const expression = lhsText.trim().slice(0, 80);
  const claimedText = rhs.text;
  let computed: number;
  let claimed: number;
  if (isUnit(result) && rhs.unit !== '') {
    const target = math().unit(1, rhs.unit);
    if (!result.equalBase(target)) {
      review.findings.push({
        code: 'unit-error',
        expression,
        computed: show(result),
        claimed: claimedText,
      });
      return true;
    }
    computed = result.toNumber(rhs.unit);
    claimed = rhs.value;
  } else if (isUnit(result) && result.equalBase(math().unit(1, 's^-1'))) {
    // "150k QPS / 500 = 300 GPUs": a rate over a per-machine figure left as a number.
    computed = result.toNumber('s^-1');
    claimed = rhs.value;
  } else if (isUnit(result)) {
    return true; // a unitless result after unit arithmetic: nothing we can compare safely
  } else {
    // Plain numbers on the left: the right side's unit is what they meant. A count below one
    // (0.12 machines) rounds up to the one machine a candidate writes.
    computed = Math.max(result as number, rhs.unit === '' && rhs.value <= 1 ? 1 : 0);
    claimed = rhs.value;
  }
  const ratio = ratioOff(computed, claimed);
  if (ratio > TOLERANCE) {
    const shown = rhs.unit === '' ? show(computed) : show(math().unit(computed, rhs.unit));
    review.findings.push({
      code: 'arithmetic-off',
      expression,
      computed: shown,
      claimed: claimedText,
      ratio,
    });
  } else review.credits.push({ text: sentence.slice(0, 120) });
  return true;
}

const DAILY = new RegExp(
  `(?:(?:每天|每日|日均|一天)\\s*(?:约|大约)?\\s*(${NUMBER_SOURCE}))|(?:(${NUMBER_SOURCE})\\s*(?:[a-z-]+\\s+){0,3}?(?:a day|per day|/day|daily|每天|一天))`,
  'iu',
);
const USERS = new RegExp(
  `(?:(${NUMBER_SOURCE})\\s*(?:dau|daily active users|daily users|日活))|(?:日活\\s*(?:约|大约)?\\s*(${NUMBER_SOURCE}))`,
  'iu',
);
const PER_USER = new RegExp(
  `(?:each|per user|every user|每人|每个用户|人均)[^.。]{0,30}?(${NUMBER_SOURCE})`,
  'iu',
);
const RATE = new RegExp(
  `(?:(${NUMBER_SOURCE})\\s*(?:qps|rps|tps|requests per second|queries per second|transactions per second|per second|/s(?![a-z])|每秒))|(?:(?:qps|tps|rps|每秒)\\s*(?:约|大约|≈|~|is|of|about|around|=)?\\s*(${NUMBER_SOURCE}))`,
  'iu',
);
const PEAK = /peak|峰值|高峰/iu;

/** A daily figure (or daily users × actions each) turned into a per-second rate. */
function checkDailyRate(sentence: string, review: EstimateReview): boolean {
  const rate = RATE.exec(sentence);
  if (!rate) return false;
  const daily = DAILY.exec(sentence);
  const users = USERS.exec(sentence);
  const perUser = PER_USER.exec(sentence);
  let perDay: number | null = null;
  let given = '';
  if (users && perUser) {
    const u = parseNumber(users[1] ?? users[2] ?? '');
    const k = parseNumber(perUser[1] ?? '');
    if (u !== null && k !== null) {
      perDay = u * k;
      given = `${users[0].trim()} × ${perUser[1]}`;
    }
  }
  if (perDay === null && daily) {
    perDay = parseNumber(daily[1] ?? daily[2] ?? '');
    given = daily[0].trim();
  }
  if (perDay === null) return false;
  const claimed = parseNumber(rate[1] ?? rate[2] ?? '');
  if (claimed === null) return false;
  const perSecond = math().unit(perDay, 'day^-1').toNumber('s^-1');
  const low = perSecond / TOLERANCE;
  const high = perSecond * (PEAK.test(sentence) ? 10 : TOLERANCE);
  if (claimed < low || claimed > high)
    review.findings.push({
      code: 'rate-off',
      given,
      computedPerSecond: perSecond,
      claimedPerSecond: claimed,
    });
  else review.credits.push({ text: sentence.slice(0, 120) });
  return true;
}

/** A scenario figure restated: within 3× of the facts (rates: of average to peak) or not. */
function checkFacts(sentence: string, facts: readonly NumberFact[], review: EstimateReview): void {
  const lower = sentence.toLowerCase();
  for (const fact of facts) {
    for (const word of [...fact.words.en, ...fact.words.zh]) {
      const w = escapeRegExp(word.toLowerCase());
      const re = new RegExp(
        `(?:(${NUMBER_SOURCE})\\s*${w}(?![a-z]))|(?:(?<![a-z])${w}\\s*(?:约|大约|是|为|of|is|about|around|~|≈|:|：)?\\s*(${NUMBER_SOURCE}))`,
        'iu',
      );
      const m = re.exec(lower);
      if (!m) continue;
      const stated = parseNumber(m[1] ?? m[2] ?? '');
      if (stated === null || stated < 10) break;
      const low = fact.value / TOLERANCE;
      const high = (fact.peak ?? fact.value) * TOLERANCE;
      if (stated < low || stated > high)
        review.findings.push({
          code: 'fact-off',
          fact: fact.id,
          stated,
          actual: fact.value,
          words: word,
        });
      break;
    }
  }
}

export async function checkEstimates(
  answer: string,
  facts: readonly NumberFact[],
): Promise<EstimateReview> {
  await loadMath();
  const review: EstimateReview = { findings: [], credits: [] };
  for (const sentence of sentences(answer)) {
    if (checkArithmetic(sentence, review)) continue;
    if (checkDailyRate(sentence, review)) continue;
    checkFacts(sentence, facts, review);
  }
  return review;
}
