/**
 * Numbers as candidates write them in either language: 1,200 / 1.2k / 100M / 5B / 1e9 / 10^9 /
 * 100 million / 2 billion / 1亿 / 300万 / 八亿 / 1.5千万. `NUMBER_SOURCE` is the pattern other
 * extractors embed; `parseNumber` turns a match into a value.
 */

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

const WORD_SCALE: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  trillion: 1e12,
};

/** Digits (with , separators, decimals, 1e9, 10^9) or Chinese numerals, then a scale word. */
export const NUMBER_SOURCE =
  '(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:e\\d+|\\^\\d+)?|[零〇一二两三四五六七八九十百千]+)' +
  '(?:\\s?(?:thousand|millions?|billions?|trillion|bn|mn|mm|[kmbt])(?![a-z])|\\s?(?:[十百千]?万亿?|亿|千万|百万|十万|千|百))?';

function chineseNumeral(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千]+$/u.test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else {
      total += (digit || 1) * CN_SMALL[ch]!;
      digit = 0;
    }
  }
  return total + digit;
}

export function parseNumber(raw: string): number | null {
  const text = raw.trim().toLowerCase();
  const m = /^([\d.,]+(?:e\d+|\^\d+)?|[零〇一二两三四五六七八九十百千]+)\s*(.*)$/u.exec(text);
  if (!m) return null;
  let [, head = '', tail = ''] = m;
  let value: number | null;
  if (/^[\d.,]/.test(head)) {
    const pow = /^(\d+)\^(\d+)$/.exec(head);
    value = pow ? Number(pow[1]) ** Number(pow[2]) : Number(head.replace(/,/g, ''));
  } else {
    // "三千万": the numeral's own 千 belongs to the scale when 万/亿 follows.
    value = chineseNumeral(head);
  }
  if (value === null || !Number.isFinite(value)) return null;
  tail = tail.trim();
  if (tail === '') return value;
  if (tail in WORD_SCALE) return value * WORD_SCALE[tail]!;
  let scale = 1;
  for (const ch of tail) {
    if (ch in CN_SMALL) scale *= CN_SMALL[ch]!;
    else if (ch in CN_BIG) scale *= CN_BIG[ch]!;
    else return null;
  }
  return value * scale;
}

/** 1157.4 → "1,200"; 86_805 → "87,000"; 5e9 → "5 billion" (two significant figures). */
export function roundForSpeech(value: number, lang: 'en' | 'zh'): string {
  const round2 = (v: number) => Number(v.toPrecision(2));
  if (lang === 'zh') {
    if (value >= 1e8) return `${round2(value / 1e8)} 亿`;
    if (value >= 1e4) return `${round2(value / 1e4)} 万`;
    return round2(value).toLocaleString('en-US');
  }
  if (value >= 1e9) return `${round2(value / 1e9)} billion`;
  if (value >= 1e6) return `${round2(value / 1e6)} million`;
  return round2(value).toLocaleString('en-US');
}
