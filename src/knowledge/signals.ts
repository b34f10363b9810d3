/**
 * Text matching shared by everything that reads a candidate's words without an LLM: the
 * offline scorer, the offline interviewer, and the evidence check on LLM scores.
 */
import type { Signals } from './schema.ts';

/** Lowercase, fold full-width characters, collapse whitespace. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const CJK = /[\u3400-\u9fff]/;

/** `s` as literal text inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const patternCache = new Map<string, RegExp>();

/**
 * A phrase matches as a substring; phrases that start or end with a Latin letter or digit must
 * sit on a word boundary there ("ann" must not match "annual"). Chinese has no word boundaries.
 */
export function phrasePatternSource(normalizedPhrase: string): string {
  const head = /^[a-z0-9]/.test(normalizedPhrase) ? '(?<![a-z0-9])' : '';
  const tail = /[a-z0-9]$/.test(normalizedPhrase) ? '(?![a-z0-9])' : '';
  return `${head}${escapeRegExp(normalizedPhrase)}${tail}`;
}

function patternFor(phrase: string): RegExp {
  const key = normalize(phrase);
  let pattern = patternCache.get(key);
  if (!pattern) {
    pattern = new RegExp(phrasePatternSource(key), 'u');
    patternCache.set(key, pattern);
  }
  return pattern;
}

/** True if `phrase` occurs in `text` (both normalised here). */
export function containsPhrase(text: string, phrase: string): boolean {
  return patternFor(phrase).test(normalize(text));
}

/**
 * The signal phrases (both languages: candidates mix English terms into Chinese answers and
 * vice versa) found in `text`, de-duplicated.
 */
export function matchSignals(text: string, signals: Signals): string[] {
  const haystack = normalize(text);
  const found = new Set<string>();
  for (const phrase of [...signals.en, ...signals.zh]) {
    if (patternFor(phrase).test(haystack)) found.add(normalize(phrase));
  }
  return [...found];
}

/** Whether the text is mostly Chinese. */
export function looksChinese(text: string): boolean {
  const cjk = [...text].filter((c) => CJK.test(c)).length;
  return cjk > 0 && cjk >= text.replace(/\s/g, '').length * 0.2;
}

/**
 * Split into sentences on English and Chinese sentence ends and line breaks, keeping each
 * sentence's exact original text (so it can be quoted verbatim as evidence).
 */
export function splitSentences(text: string): string[] {
  // An English sentence ends at . ! ? followed by white space (so "0.5" and "e.g.x" stay whole),
  // but not at an abbreviation that runs on ("the decay rate, e.g. recall drops 1.5 pts a week":
  // cut there, the example becomes a sentence of its own and loses what it is an example of).
  // Chinese punctuation and line breaks end a sentence wherever they are.
  const parts = text.split(
    /(?<=[.!?;])(?<!\b(?:e\.g|i\.e|incl|vs|approx|esp|cf)\.)\s+|(?<=[。！？；])|\n+/iu,
  );
  return parts.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Whitespace-insensitive verbatim check: is `quote` in `source`? */
export function isVerbatimQuote(quote: string, source: string): boolean {
  const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const q = squash(quote);
  return q.length > 0 && squash(source).includes(q);
}
