/**
 * Acronyms spelled out wrongly: "ANN (approximate neural network)", "SRM，也就是 sample rate of
 * model". A candidate who spells out an acronym as something it does not stand for does not know
 * the term, however fluently it is used; what each stands for is a fact
 * (knowledge/acronyms.yaml), so no wrong sentence has to be listed.
 *
 * Only an expansion shaped as one is judged: words whose initials spell the acronym, either in
 * brackets right after it, before it with the acronym in brackets, or after "stands for",
 * "i.e.", "也就是", "即", "全称". "ID (once placed)" or "TTL (a few hours)" gloss a value, not
 * the letters, and are left alone.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_KNOWLEDGE_DIR } from '../../knowledge/loader.ts';
import { compilePatterns, readCatalogue } from '../catalogue-file.ts';

const FileSchema = z.strictObject({
  version: z.literal(1),
  acronyms: z
    .array(
      z.strictObject({
        acronym: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{1,7}$/),
        stands_for: z.array(z.string()).min(1),
        means: z.string().min(1),
      }),
    )
    .min(1),
});

export interface Acronym {
  acronym: string;
  /** Where the acronym is written (global, case-sensitive, a whole word). */
  written: RegExp;
  /** Its right expansions. */
  standsFor: RegExp[];
  /** What it stands for, as a note says it. */
  means: string;
}

/** Reads and validates an acronyms file; errors name the file and the acronym. */
export function loadAcronyms(file: string): Acronym[] {
  return readCatalogue(FileSchema, file).acronyms.map((a) => ({
    acronym: a.acronym,
    // The schema allows letters, digits and hyphens only: nothing to escape.
    written: new RegExp(`(?<![A-Za-z0-9])${a.acronym}(?![A-Za-z0-9])`, 'gu'),
    standsFor: compilePatterns(a.stands_for, `${file}: ${a.acronym}`),
    means: a.means,
  }));
}

let shipped: Acronym[] | undefined;

/** The committed list (knowledge/acronyms.yaml), read once. */
export function shippedAcronyms(): Acronym[] {
  shipped ??= loadAcronyms(path.join(DEFAULT_KNOWLEDGE_DIR, 'acronyms.yaml'));
  return shipped;
}

/** Words an expansion may hold without a letter of its own ("mean *of* …", "deep *and* cross"). */
const FILLER = new Set([
  'of',
  'and',
  'the',
  'to',
  'for',
  'a',
  'an',
  'in',
  'on',
  'from',
  'with',
  'by',
  '&',
]);
/** At most this many words are read as one expansion. */
const MAX_WORDS = 8;

/** The letters of the acronym, lower case ("TF-IDF" → "tfidf"). */
function lettersOf(acronym: string): string {
  return acronym.toLowerCase().replace(/[^a-z]/g, '');
}

/**
 * The initials of the words: without the filler words, each word one letter or each hyphenated
 * part one; or with the fillers ("time to live", "out of vocabulary").
 */
function initialsOf(words: readonly string[]): string[] {
  const initials = (list: readonly string[]) => list.map((w) => w[0]!.toLowerCase()).join('');
  const content = words.filter((w) => !FILLER.has(w.toLowerCase()));
  const parts = content
    .flatMap((w) => w.split('-').filter(Boolean))
    .filter((w) => !FILLER.has(w.toLowerCase()));
  // With the fillers, but not a leading article: "TTL (the time limit)" spells no T-T-L.
  const withFillers = words.filter((w, i) => i > 0 || !/^(a|an|the)$/iu.test(w));
  return [initials(content), initials(parts), initials(withFillers)];
}

/** The first words of `text` (or its last, `fromEnd`) whose initials spell the acronym, or null. */
function expansionIn(text: string, letters: string, fromEnd: boolean): string | null {
  // An abbreviated word ("approx. nearest neighbours") is no spelling to judge.
  if (/[A-Za-z]\.(?!\w)/u.test(text)) return null;
  const words = text.match(/[A-Za-z][A-Za-z-]*|&/g) ?? [];
  for (let n = 1; n <= Math.min(MAX_WORDS, words.length); n++) {
    const taken = fromEnd ? words.slice(-n) : words.slice(0, n);
    if (initialsOf(taken).includes(letters)) return taken.join(' ');
  }
  return null;
}

/** The text up to its first break (a comma, semicolon, colon or slash). */
function firstPart(text: string): string {
  return text.split(/[,;:/，；：、]/u)[0] ?? '';
}

/**
 * Right after the acronym: "(…)", "stands for …", "i.e. …", "也就是 …", "即 …", "全称是 …". Not
 * "meaning …": it introduces an explanation ("CTR, meaning clicks that reach the page").
 */
const AFTER =
  /^\s*(?:[（(]\s*([^()（）]{3,80})[)）]|[,，:：]?\s*(?:which |that )?(?:stands for|is short for|short for|i\.e\.,?|也就是|即|全称(?:是|为)?|的全称是)\s*:?\s*([A-Za-z][A-Za-z &-]{2,80}))/u;
/** Right before the acronym, in brackets: "approximate nearest neighbours (ANN)". */
const BRACKETED_BEFORE = /[（(]\s*$/u;
const BRACKET_CLOSES = /^\s*[)）]/u;

/** Does the sentence spell the acronym out as something it does not stand for? */
export function misexpands(sentence: string, acronym: Acronym): boolean {
  const letters = lettersOf(acronym.acronym);
  for (const match of sentence.matchAll(acronym.written)) {
    const start = match.index;
    // An expansion is a few words: a long sentence must not make every mention cost its length.
    const rest = sentence.slice(start + match[0].length, start + match[0].length + 120);
    const before = sentence.slice(Math.max(0, start - 100), start);
    let expansion: string | null = null;
    const after = AFTER.exec(rest);
    // Only up to the first break: "DAU (daily actives, US only)" glosses the first words.
    if (after) expansion = expansionIn(firstPart(after[1] ?? after[2] ?? ''), letters, false);
    if (!expansion && BRACKETED_BEFORE.test(before) && BRACKET_CLOSES.test(rest)) {
      const words = before.replace(BRACKETED_BEFORE, '');
      // Only the words of the same clause: "… rare (AUC)" is no expansion of anything.
      expansion = expansionIn(words.split(/[.,;:!?。，；：！？]/u).pop() ?? '', letters, true);
    }
    // Hyphens as spaces: "sample-ratio mismatch" is "sample ratio mismatch".
    const spaced = expansion?.replace(/-/g, ' ');
    if (spaced && !acronym.standsFor.some((re) => re.test(spaced))) return true;
  }
  return false;
}

/** The acronyms the sentences spell out wrongly (each once). */
export function misexpandedAcronymsIn(
  sentences: readonly string[],
  acronyms: readonly Acronym[] = shippedAcronyms(),
): string[] {
  return acronyms
    .filter((a) => sentences.some((s) => s.includes(a.acronym) && misexpands(s, a)))
    .map((a) => a.acronym);
}
