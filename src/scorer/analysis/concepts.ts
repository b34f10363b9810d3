/**
 * Concepts, not strings: the offline scorer counts how many distinct ideas an answer brings,
 * so spelling variants of one signal ("two-tower", "two tower"; "shard", "sharding") and a
 * short phrase inside a longer one ("sharding" inside "embedding sharding") count once, and
 * repeating a term adds nothing.
 */
import type { Signals } from '../../knowledge/schema.ts';
import { matchSignals, normalize, phrasePatternSource } from '../../knowledge/signals.ts';

/**
 * Spelling variants of an English phrase that mean the same: the last word singular or plural
 * ("offline part" / "offline parts", "feature store" / "feature stores") and hyphens as spaces
 * or joined ("two-tower" / "two tower", "re-ranking" / "reranking").
 */
export function variantsOf(phrase: string): string[] {
  if (/[\u3400-\u9fff]/.test(phrase) || !/[a-z]$/.test(phrase)) return [phrase];
  // A single short word changes meaning with its ending ("likes" / "like", "news" / "new").
  if (!/[\s-]/.test(phrase) && phrase.length < 7) return [phrase];
  const forms = new Set([phrase]);
  if (phrase.includes('-')) {
    forms.add(phrase.replace(/-/g, ' '));
    forms.add(phrase.replace(/-/g, ''));
  }
  for (const form of [...forms]) {
    const last = form.split(/[\s-]/).pop() ?? '';
    if (last.length < 4) continue;
    if (/(ss|us|is)$/.test(last)) continue; // "loss", "bus", "analysis": no singular to take off
    if (/ies$/.test(last)) forms.add(form.replace(/ies$/, 'y'));
    else if (/es$/.test(last)) forms.add(form.slice(0, -1)).add(form.slice(0, -2));
    else if (/s$/.test(last)) forms.add(form.slice(0, -1));
    else if (/(ch|sh|x)$/.test(last)) forms.add(`${form}es`);
    else if (/[^aeiou]y$/.test(last)) forms.add(`${form.slice(0, -1)}ies`);
    else if (!/(ed|ing)$/.test(last)) forms.add(`${form}s`);
  }
  return [...forms];
}

const phraseLists = new WeakMap<Signals, string[]>();

/**
 * Both languages' phrases of a signal list, normalised, with their spelling variants. The same
 * array is returned for the same (immutable, loaded once) signal list, so it is indexed once.
 */
export function phrasesOf(signals: Signals): string[] {
  let phrases = phraseLists.get(signals);
  if (!phrases) {
    phrases = [...new Set([...signals.en, ...signals.zh].map(normalize).flatMap(variantsOf))];
    phraseLists.set(signals, phrases);
  }
  return phrases;
}

const SUFFIXES =
  /(ization|isation|ations?|itions?|ments?|ness|ings?|isms?|izes?|ises?|ities|ity|ions?|ers?|ed|es|s)$/;

function stem(word: string): string {
  const bare = word.length > 4 ? word.replace(SUFFIXES, '') : word;
  return bare.slice(0, 6);
}

/**
 * The identity of a concept: Latin words stemmed and joined without separators, so "A/B test",
 * "ab testing" and "a-b tests" share a key; Chinese phrases as they are, without spaces.
 */
export function conceptKey(phrase: string): string {
  const norm = normalize(phrase);
  if (/[\u3400-\u9fff]/.test(norm)) return norm.replace(/\s+/g, '');
  return norm
    .split(/[^a-z0-9@]+/)
    .filter(Boolean)
    .map(stem)
    .join('');
}

const globalPatterns = new Map<string, RegExp>();

/** Same matching rule as knowledge/signals.ts (word boundaries at Latin ends), but global. */
function globalPattern(phrase: string): RegExp {
  let pattern = globalPatterns.get(phrase);
  if (!pattern) {
    pattern = new RegExp(phrasePatternSource(phrase), 'gu');
    globalPatterns.set(phrase, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/**
 * Phrases grouped by their first word (Latin) or first character (Chinese), so a text is only
 * checked against phrases whose first word it contains: the knowledge base has thousands of
 * phrases, an answer a few hundred words.
 */
interface PhraseIndex {
  byAnchor: Map<string, string[]>;
}

const indexes = new WeakMap<readonly string[], PhraseIndex>();

function anchorOf(phrase: string): string {
  const first = phrase.match(/^[a-z0-9]+/);
  return first ? first[0] : [...phrase][0]!;
}

function indexFor(phrases: readonly string[]): PhraseIndex {
  let index = indexes.get(phrases);
  if (!index) {
    const byAnchor = new Map<string, string[]>();
    for (const phrase of phrases) {
      const anchor = anchorOf(phrase);
      const bucket = byAnchor.get(anchor);
      if (bucket) bucket.push(phrase);
      else byAnchor.set(anchor, [phrase]);
    }
    index = { byAnchor };
    indexes.set(phrases, index);
  }
  return index;
}

/** The phrases of `phrases` that may occur in the normalised `haystack` (a superset). */
function candidatesIn(haystack: string, phrases: readonly string[]): string[] {
  const { byAnchor } = indexFor(phrases);
  const anchors = new Set<string>(haystack.match(/[a-z0-9]+/g) ?? []);
  for (const char of haystack) if (!/[a-z0-9\s]/.test(char)) anchors.add(char);
  const found: string[] = [];
  for (const anchor of anchors) {
    for (const phrase of byAnchor.get(anchor) ?? [])
      if (haystack.includes(phrase)) found.push(phrase);
  }
  return found;
}

/**
 * The concept keys of `phrases` present in `text`. Longer phrases are matched first and
 * masked out, so a phrase that only occurs inside a longer matched one adds no concept.
 * Pass the same array each time for a list used repeatedly: it is indexed once.
 */
export function conceptsIn(text: string, phrases: readonly string[]): Set<string> {
  const haystack = normalize(text);
  const candidates = candidatesIn(haystack, phrases);
  const keys = new Set<string>();
  if (candidates.length === 0) return keys;
  // The boundary-aware match of knowledge/signals.ts, then longest first with masking.
  const present = matchSignals(haystack, { en: candidates, zh: [] });
  let masked = haystack;
  for (const phrase of present.sort((a, b) => b.length - a.length)) {
    const pattern = globalPattern(phrase);
    if (!pattern.test(masked)) continue;
    keys.add(conceptKey(phrase));
    masked = masked.replace(globalPattern(phrase), (m) => '\u0000'.repeat(m.length));
  }
  return keys;
}

/** The concept keys a signal list can produce (to tell which concepts belong to which list). */
export function keysOf(phrases: readonly string[]): Set<string> {
  return new Set(phrases.map(conceptKey));
}
