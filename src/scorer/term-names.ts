/**
 * English spellings for the Chinese term names in the catalogues' Chinese patterns. Chinese
 * engineers type many terms in English mid-sentence ("用 active learning 挑模型最自信的样本"); a
 * Chinese pattern that names 主动学习 should read that sentence too. Rather than writing every
 * pattern twice, each Chinese name from knowledge/term-names.yaml found in a Chinese pattern's
 * literal text becomes `(?:主动学习|active learning)` when the pattern is compiled.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_KNOWLEDGE_DIR } from '../knowledge/loader.ts';
import { escapeRegExp } from '../knowledge/signals.ts';
import { compilePatterns, readCatalogue } from './catalogue-file.ts';

const FileSchema = z.strictObject({
  version: z.literal(1),
  names: z
    .array(z.strictObject({ zh: z.array(z.string().min(1)).min(1), en: z.string().min(1) }))
    .min(1),
});

export interface TermNames {
  /** Every Chinese name, longest first (so 数据漂移 is read before 漂移). */
  chinese: string[];
  /** A Chinese name's English spelling, as a whole-word regular expression source. */
  english: ReadonlyMap<string, string>;
}

/**
 * One sticky pattern for all the names, longest first, so a single match at a position finds the
 * longest name starting there (a pattern is rewritten at every load, for every Chinese pattern).
 */
const namesAt = new WeakMap<TermNames, RegExp>();
function nameMatcher(names: TermNames): RegExp {
  let matcher = namesAt.get(names);
  if (!matcher) {
    matcher = new RegExp(names.chinese.map(escapeRegExp).join('|'), 'uy');
    namesAt.set(names, matcher);
  }
  return matcher;
}

export function loadTermNames(file: string): TermNames {
  const english = new Map<string, string>();
  for (const { zh, en } of readCatalogue(FileSchema, file).names) {
    compilePatterns([en], `${file}: ${zh.join(', ')}`); // an invalid pattern names the file and entry
    for (const name of zh) english.set(name, `(?<![a-z])(?:${en})(?![a-z])`);
  }
  const chinese = [...english.keys()].sort((a, b) => b.length - a.length);
  return { chinese, english };
}

let shipped: TermNames | undefined;

/** The committed list (knowledge/term-names.yaml), read once. */
export function shippedTermNames(): TermNames {
  shipped ??= loadTermNames(path.join(DEFAULT_KNOWLEDGE_DIR, 'term-names.yaml'));
  return shipped;
}

/** Characters that, right after a name, would apply to its last character alone. */
const QUANTIFIER = /[?*+{]/;

/**
 * The pattern with each Chinese term name in its literal text also matching the English name.
 * Escapes and character classes are copied as they are, and a name followed by a quantifier
 * ("召回率?" means 召回 with an optional 率) is left alone, so the pattern means what it meant
 * plus the English spelling.
 */
export function withEnglishNames(source: string, names: TermNames = shippedTermNames()): string {
  const matcher = nameMatcher(names);
  let out = '';
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '\\') {
      out += source.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === '[') {
      const end = classEnd(source, i);
      out += source.slice(i, end);
      i = end;
      continue;
    }
    matcher.lastIndex = i;
    const name = matcher.exec(source)?.[0];
    if (name && !QUANTIFIER.test(source[i + name.length] ?? '')) {
      out += `(?:${name}|${names.english.get(name)})`;
      i += name.length;
      continue;
    }
    out += char;
    i++;
  }
  return out;
}

/** The index just past the character class opening at `start` (escapes inside skipped). */
function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return Math.min(i + 1, source.length);
}
