/**
 * How much substance an answer's explanations carry, beyond naming the right concepts.
 * Interviewers mark down an answer that reasons in hand-waves ("some kind of", "basically",
 * "should be straightforward", "一些", "之类的") and mark up one that commits to concrete
 * figures (sizes, thresholds, windows, budgets). Both are read per sentence and as shares, not
 * totals, so a long answer earns nothing for being long.
 */
import type { SentenceFacts } from './sentences.ts';

/**
 * Hand-waving: hedges, vague quantities, placeholders for the rest of a list, claims that
 * something is easy or standard, and evaluatives with no content. Each is a way to sound like
 * an answer without committing to a choice.
 */
const VAGUE_EN = new RegExp(
  [
    // hedges
    'maybe',
    'probably',
    'might',
    'perhaps',
    'i think',
    'i guess',
    'hopefully',
    // vague quantities and kinds
    'some (kind|sort|type) of',
    'kind of',
    'sort of',
    'a lot of',
    'lots of',
    'various',
    'a bunch of',
    // placeholders for what was not said
    'etc\\.?',
    'and so on',
    'stuff',
    'things like',
    'something like',
    'something',
    'somehow',
    'a while',
    'some time',
    // "it is easy / standard / obvious"
    'basically',
    'simply',
    'just',
    'straightforward',
    'out of the box',
    'standard',
    'everyone',
    'obviously',
    'of course',
    'should (be|work|handle)',
    // evaluatives with no content
    'really',
    'very',
    'important',
    'properly',
    'appropriate',
  ]
    .map((p) => `\\b${p}(?![a-z])`)
    .join('|'),
  'i',
);

const VAGUE_ZH =
  /(大概|可能|也许|或许|应该|差不多|好像|一些|很多|各种|之类|等等|什么的|基本上|就行|就可以了|直接用|简单|比较好|很重要|合适的|好的模型|一下|我觉得|一段时间|看看|肯定|总之|就够了?|挺)/;

/** A quantity: a digit that is not part of a name ("p99", "int8", "gpt-4"). */
const QUANTITY = /(?<![a-z0-9@_.-])\d/i;

export function isVague(sentence: string): boolean {
  return VAGUE_EN.test(sentence) || VAGUE_ZH.test(sentence);
}

export interface Substance {
  /** Of the sentences that carry a concept of the stage, the share that hand-wave. */
  vague: number;
  /** Of all sentences, the share that commit to a quantity. Padding only lowers it. */
  quantified: number;
}

/**
 * `stageConcepts[i]`: how many of the stage's concepts sentence i names. Vagueness is read
 * only where the answer makes its points (padding around them does not dilute it); quantities
 * are read over every sentence (padding has none, so it can only lower the share).
 */
export function readSubstance(
  sentences: readonly SentenceFacts[],
  stageConcepts: readonly number[],
): Substance {
  const points = sentences.filter((_, i) => stageConcepts[i]! > 0);
  const vague = points.filter((s) => isVague(s.text)).length;
  const quantified = sentences.filter((s) => !s.listLike && QUANTITY.test(s.text)).length;
  return {
    vague: points.length > 0 ? vague / points.length : 0,
    quantified: sentences.length > 0 ? quantified / sentences.length : 0,
  };
}

/**
 * Shares beyond which an answer reads as hand-waving, or as committed to figures: one point in
 * four. Rising needs the answer almost free of hand-waves (under one point in seven).
 */
const VAGUE_SHARE = 0.25;
const QUANTIFIED_SHARE = 0.25;
const CLEAN_SHARE = 0.15;

/**
 * −1: most points hand-wave and nothing is quantified, so explanations count one level less.
 * +1: a good share of sentences commit to figures and nothing hand-waves: one level more.
 */
export function substanceShift(s: Substance): -1 | 0 | 1 {
  if (s.vague >= VAGUE_SHARE && s.quantified < QUANTIFIED_SHARE) return -1;
  if (s.quantified >= QUANTIFIED_SHARE && s.vague < CLEAN_SHARE) return 1;
  return 0;
}
