/**
 * Word-level text matching for the interviewer: tokens, a light English stemmer, and "did the
 * candidate talk about this" checks that survive inflection ("hashed" covers "feature hashing",
 * "A/B experiment" covers "a/b testing"). Chinese has no word boundaries and is matched by
 * substrings. Exact phrase matching lives in src/knowledge/signals.ts.
 */
import { normalize } from '../knowledge/signals.ts';

const CJK = /[\u3400-\u9fff]/;

export function hasChinese(text: string): boolean {
  return CJK.test(text);
}

/** A crude English stemmer: enough to make "transactions", "hashed", "testing" meet their stems. */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length <= 3 || /[^a-z]/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('es') && /(ch|sh|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  // "hashing" → "hash", "split" stays, "splitting" → "splitt" → "split".
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ss|ll)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** Lower-case Latin tokens ("a/b", "p99", "2^24", "recall@k" stay whole). */
export function tokens(text: string): string[] {
  return normalize(text)
    .split(/[^a-z0-9@/^+#.'-]+/)
    .map((t) => t.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, ''))
    .filter((t) => t.length > 0);
}

export function stems(text: string): string[] {
  return tokens(text).map(stem);
}

/** Function words and words too generic to show what a sentence is about. */
const GENERIC = new Set(
  [
    'a an the and or but of to in on at by for from with about into over per via as is are was',
    'be been being do does did done have has had can could should would will shall may might must',
    'i we you they he she it its our your their my me us them this that these those there here',
    'what which who whom whose when where why how much many any some all each every other more most',
    'not no yes so than then also just only very really still already yet',
    'use used using make made get got give take need want like know think go going come comes',
    'look looks work works happen happens see',
    'model models system systems data feature features user users item items thing things way',
    'time good well new one two first second way case cases part',
  ]
    .join(' ')
    .split(' ')
    .map(stem),
);

export function isGeneric(stemmed: string): boolean {
  return GENERIC.has(stemmed) || stemmed.length < 2;
}

/** The distinctive stems of a phrase (generic words dropped). */
export function contentStems(phrase: string): string[] {
  return stems(phrase).filter((s) => !isGeneric(s));
}

/**
 * Did `text` talk about a phrase, loosely: the exact phrase, or (English) any of its distinctive
 * words in any inflection, or (Chinese) any two-character piece of it. Returns a checker, so a
 * text read against many phrases is prepared once.
 */
export function looseMatcher(text: string): (phrase: string) => boolean {
  const haystack = normalize(text);
  const said = new Set(stems(text));
  const check = (phrase: string): boolean => {
    const needle = normalize(phrase);
    if (needle.length > 0 && haystack.includes(needle)) return true;
    if (hasChinese(needle)) {
      const han = needle.replace(/[^\u3400-\u9fff]/g, '');
      for (let i = 0; i + 2 <= han.length; i++) {
        if (haystack.includes(han.slice(i, i + 2))) return true;
      }
      const latin = needle.replace(/[\u3400-\u9fff]/g, ' ').trim();
      return latin.length > 2 && check(latin);
    }
    return contentStems(needle).some((s) => said.has(s));
  };
  return check;
}

export function mentionsLoosely(text: string, phrase: string): boolean {
  return looseMatcher(text)(phrase);
}
