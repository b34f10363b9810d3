/**
 * Do the answer's terms go together? Keyword-stuffed answers put the right words side by side in
 * combinations no one who knows the field would ("Redis stores the training data", "PSI to
 * improve NDCG"): each term is right for the stage, the pairing is not. The reference for what
 * goes together is the knowledge base's own correct text: the level-4 model answer of every stage
 * of every scenario, in both languages, and the scenarios' key points. Two terms "go together"
 * when some sentence of that text names both.
 *
 * The reading is a share: of the answer's content sentences that name two known terms or more,
 * how many pair their terms mostly in ways the reference never does. A strong answer also makes
 * new pairings (the reference is finite), so this is one weak signal for the scoring model to
 * weigh, never a rule.
 */
import type { Scenario } from '../../knowledge/schema.ts';
import { splitSentences } from '../../knowledge/signals.ts';
import { tokenSet } from '../tokens.ts';
import { conceptKey, conceptsIn } from './concepts.ts';

export interface PairingIndex {
  /** Concepts named in some reference sentence. */
  known: Set<string>;
  /** "a|b" for every two concepts named in one reference sentence. */
  pairs: Set<string>;
  /** Each known concept's company: every content word of a reference sentence that names it. */
  company: Map<string, Set<string>>;
  /** Every content word of the reference text. */
  words: Set<string>;
  /** Each concept's own words (see ownWordsOf), left out when its company is weighed. */
  ownWords: ReadonlyMap<string, ReadonlySet<string>>;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The reference texts of the knowledge base: model answers and key points, both languages. */
function referenceTexts(scenarios: Iterable<Scenario>): string[] {
  const texts: string[] = [];
  for (const scenario of scenarios) {
    for (const answer of Object.values(scenario.referenceAnswers ?? {})) {
      for (const text of Object.values(answer ?? {})) if (text) texts.push(text);
    }
    for (const points of Object.values(scenario.keyPoints)) {
      for (const point of points ?? []) texts.push(point.text.en, point.text.zh);
    }
  }
  return texts;
}

/** A sentence as the indexes need it: its content words and the concepts it names. */
export interface IndexedSentence {
  tokens: Set<string>;
  concepts: string[];
}

export function indexSentences(
  sentences: readonly string[],
  vocabulary: readonly string[],
): IndexedSentence[] {
  // Only each sentence's concepts and words are needed: the rest of what readSentences reads
  // (lists, connectives) would cost a second at start-up for nothing.
  return sentences.map((sentence) => ({
    tokens: tokenSet(sentence),
    concepts: [...conceptsIn(sentence, vocabulary)],
  }));
}

/**
 * Every sentence of the reference texts, read once: the pairing index and the wrong-likeness
 * model (wrong-likeness.ts) are both built from it, and reading it is most of their cost.
 */
export function indexReference(
  scenarios: Iterable<Scenario>,
  vocabulary: readonly string[],
): IndexedSentence[] {
  return indexSentences(
    referenceTexts(scenarios).flatMap((text) => splitSentences(text)),
    vocabulary,
  );
}

/**
 * Each concept's own words: the words of every phrase of the vocabulary that reads as it
 * ("feature store" → featur, store; "PR-AUC" → pr, auc), left out when what a sentence says about
 * the concept is weighed (a term is not its own context). The concept key will not do: it joins
 * a phrase's words ("featurstore") and stems them its own way.
 */
export function ownWordsOf(vocabulary: readonly string[]): Map<string, Set<string>> {
  const own = new Map<string, Set<string>>();
  for (const phrase of vocabulary) {
    const key = conceptKey(phrase);
    const words = own.get(key) ?? new Set<string>();
    own.set(key, words);
    for (const t of tokenSet(phrase)) words.add(t);
  }
  return own;
}

export function buildPairingIndex(
  scenarios: Iterable<Scenario>,
  vocabulary: readonly string[],
  reference: readonly IndexedSentence[] = indexReference(scenarios, vocabulary),
): PairingIndex {
  const known = new Set<string>();
  const pairs = new Set<string>();
  const company = new Map<string, Set<string>>();
  const words = new Set<string>();
  const ownWords = ownWordsOf(vocabulary);
  for (const { tokens, concepts } of reference) {
    for (const t of tokens) words.add(t);
    for (const c of concepts) {
      known.add(c);
      const kept = company.get(c) ?? new Set<string>();
      company.set(c, kept);
      for (const t of tokens) kept.add(t);
    }
    for (let i = 0; i < concepts.length; i++) {
      for (let j = i + 1; j < concepts.length; j++) pairs.add(pairKey(concepts[i]!, concepts[j]!));
    }
  }
  return { known, pairs, company, words, ownWords };
}

/**
 * Does a sentence naming these terms (its concept keys, as `readSentences` reads them with the
 * same vocabulary the index was built with) pair them mostly in ways the reference never does?
 * Null when it names fewer than two known terms (nothing to judge).
 */
export function pairsUnfamiliarly(
  sentenceConcepts: Iterable<string>,
  index: PairingIndex,
): boolean | null {
  const concepts = [...sentenceConcepts].filter((c) => index.known.has(c));
  if (concepts.length < 2) return null;
  let total = 0;
  let unseen = 0;
  for (let i = 0; i < concepts.length; i++) {
    for (let j = i + 1; j < concepts.length; j++) {
      total++;
      if (!index.pairs.has(pairKey(concepts[i]!, concepts[j]!))) unseen++;
    }
  }
  return unseen / total > 0.5;
}

/** Fewer words than this to weigh (besides the terms themselves), and a sentence is not judged. */
const MIN_WORDS_TO_WEIGH = 3;

/**
 * How much of what a sentence says about its terms is said about them somewhere in the
 * reference (0–1): of the sentence's words that the reference uses at all (other than the
 * terms' own words), the share that appear in a reference sentence naming one of its terms.
 * "Adamic-Adar is the cosine similarity of profile-photo embeddings" talks about Adamic-Adar in
 * words no correct text uses with it; "Adamic-Adar weighs mutual friends by their degree" in the
 * words of its definition. Null when the sentence names no known term or has too few words to
 * weigh. Like the pairings, a weak signal for the model, never a rule: a sound answer can
 * explain a term in words the (finite) reference never happened to use.
 */
export function contextFit(
  sentenceTokens: ReadonlySet<string>,
  sentenceConcepts: Iterable<string>,
  index: PairingIndex,
): number | null {
  const concepts = [...sentenceConcepts].filter((c) => index.company.has(c));
  if (concepts.length === 0) return null;
  const own = new Set(concepts.flatMap((c) => [...(index.ownWords.get(c) ?? [])]));
  const weighed = [...sentenceTokens].filter((t) => index.words.has(t) && !own.has(t));
  if (weighed.length < MIN_WORDS_TO_WEIGH) return null;
  const fitting = weighed.filter((t) => concepts.some((c) => index.company.get(c)!.has(t)));
  return fitting.length / weighed.length;
}
