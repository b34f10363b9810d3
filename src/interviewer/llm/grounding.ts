/**
 * Keeping the LLM interviewer's words grounded: it may state numbers only when they come from a
 * scenario fact it reveals (or revealed before), from the candidate's own words, or from what
 * the interview itself says (the prompt, the stage's question, its hints). Anything else is an
 * invented number, and the move is retried or falls back.
 *
 * What counts as a number: digit runs (`200`, `1,000`, `0.5`, `10k` → `10`), a single digit with
 * a unit (`8 亿`, `5 ms`), and Chinese numeral runs with a unit (`一千万`, `五百`). Not counted:
 * other single digits (enumerations, "step 2"), and digits glued after a letter or `@` (`p99`,
 * `L2`, `recall@10`: names, not quantities). Numbers written as English words are not caught.
 */
import { splitSentences } from '../../knowledge/signals.ts';

const DIGITS = /(?<![\p{L}@\d.,])\d+(?:[.,]\d+)*/gu;
const CHINESE_NUMERAL = /[零〇一二两三四五六七八九十百千万亿]{2,}/g;
const CHINESE_DIGIT = /[零〇一二两三四五六七八九]/;
const CHINESE_UNIT = /[十百千万亿]/;
/** Numeral-looking words that are not quantities ("万一" = in case, "一一" = one by one). */
const CHINESE_NOT_NUMBERS = new Set(['万一', '一一']);

function normaliseDigits(token: string): string {
  // "1,000" and "1000" are the same number; "0.50" and "0.5" too.
  const plain = token.replace(/,(?=\d{3}\b)/g, '');
  return plain.includes('.') ? plain.replace(/\.?0+$/, '') : plain;
}

/** A single digit followed by one of these is a quantity ("8 亿", "5 ms", "3x"), not a count. */
const UNIT_AFTER =
  /^\s*(?:[万亿千百%]|(?:k|m|b|x|ms|s|gb|tb|pb|qps|million|billion|thousand|seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b)/i;

/** The numbers stated in `text`, normalised, without the exempt ones. */
export function statedNumbers(text: string): string[] {
  const found = new Set<string>();
  const normalised = text.normalize('NFKC');
  for (const match of normalised.matchAll(DIGITS)) {
    const value = normaliseDigits(match[0]);
    const after = normalised.slice(
      match.index + match[0].length,
      match.index + match[0].length + 12,
    );
    if (/^\d$/.test(value) && !UNIT_AFTER.test(after)) continue;
    found.add(value);
  }
  for (const match of text.matchAll(CHINESE_NUMERAL)) {
    const run = match[0];
    if (CHINESE_NOT_NUMBERS.has(run)) continue;
    if (CHINESE_DIGIT.test(run) && CHINESE_UNIT.test(run)) found.add(run);
  }
  return [...found];
}

/** All numbers in `texts`, for membership tests (digit runs, single digits included). */
export function numberSet(texts: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const text of texts) {
    for (const match of text.normalize('NFKC').matchAll(DIGITS)) set.add(normaliseDigits(match[0]));
    for (const match of text.matchAll(CHINESE_NUMERAL)) {
      // Any part of a longer run counts as present: "一千万" covers "千万" and "一千".
      const run = match[0];
      for (let i = 0; i < run.length; i++) {
        for (let j = i + 2; j <= run.length; j++) set.add(run.slice(i, j));
      }
    }
  }
  return set;
}

/** Numbers in `message` that appear in none of `sources`. */
export function unsupportedNumbers(message: string, sources: readonly string[]): string[] {
  const known = numberSet(sources);
  return statedNumbers(message).filter((n) => !known.has(n));
}

/**
 * `message` cut to whole sentences within `maxChars`, or null when even the first sentence is
 * longer (then the move is retried rather than cut mid-sentence).
 */
export function fitLength(message: string, maxChars: number): string | null {
  if (message.length <= maxChars) return message;
  const sentences = splitSentences(message);
  let kept = '';
  for (const sentence of sentences) {
    const joiner = kept === '' || /[。！？；]$/.test(kept) ? '' : ' ';
    const next = `${kept}${joiner}${sentence}`;
    if (next.length > maxChars) break;
    kept = next;
  }
  return kept === '' ? null : kept;
}
