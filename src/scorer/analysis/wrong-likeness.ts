/**
 * Does a sentence read like the known wrong claims, or like correct text? The catalogues of wrong
 * content (knowledge/misconceptions.yaml, definitions.yaml, dismissals.yaml) hold thousands of
 * example sentences, wrong ones and the near-miss right ones beside them; the model answers and
 * key points are correct text. Naive Bayes counts over those two sides say which words go with
 * which term in wrong sentences ("PSI" with "ranking", "AUC" with "accuracy") and which in right
 * ones ("PSI" with "shift", "AUC" with "threshold"), so a wrong sentence no pattern of the
 * catalogues matches still leans toward the wrong side when it talks about its terms the way
 * wrong claims do.
 *
 * A sentence's reading is the *mean* of its features' log-likelihood ratios, not naive Bayes'
 * sum with a prior: a sentence is not classified, it is placed on a scale the scoring model
 * weighs, and the mean keeps long sentences from weighing more than short ones. A weak, learned
 * signal, never a rule: a sentence no pattern matches is not called wrong by it. It complements
 * the context fit (coherence.ts), which only knows what correct text says; this one also knows
 * what wrong text says.
 */
import type { IndexedSentence } from './coherence.ts';

/** Naive Bayes counts: in how many wrong / correct sentences each feature appears. */
export interface WrongLikenessModel {
  wrong: Map<string, number>;
  correct: Map<string, number>;
  wrongSentences: number;
  correctSentences: number;
  /** Each concept's own words, left out of its pairings (a term is not its own context). */
  ownWords: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * Half a sentence added to every count (so one sentence, two halves, to every total): a feature
 * seen on one side only weighs a few nats, not infinitely. The usual Laplace smoothing of one
 * made single sightings in the (small) wrong side weigh less than the many common words of the
 * (large) correct side and read no better.
 */
const SMOOTHING = 0.5;

/**
 * A sentence's features: its words, and each of its terms paired with each of its other words
 * ("psi|ranking"). The words carry how wrong claims are put ("always", "no need"); the pairings
 * carry what is said about which term.
 */
function featuresOf(
  tokens: ReadonlySet<string>,
  concepts: Iterable<string>,
  ownWords: ReadonlyMap<string, ReadonlySet<string>>,
): Set<string> {
  const features = new Set<string>(tokens);
  for (const concept of concepts) {
    const own = ownWords.get(concept);
    for (const token of tokens) if (!own?.has(token)) features.add(`${concept}|${token}`);
  }
  return features;
}

/** `ownWords`: each concept's own words, as `ownWordsOf` (coherence.ts) reads them. */
export function buildWrongLikenessModel(
  wrongSentences: readonly IndexedSentence[],
  correctSentences: readonly IndexedSentence[],
  ownWords: ReadonlyMap<string, ReadonlySet<string>>,
): WrongLikenessModel {
  const count = (sentences: readonly IndexedSentence[]) => {
    const counts = new Map<string, number>();
    for (const { tokens, concepts } of sentences) {
      for (const f of featuresOf(tokens, concepts, ownWords))
        counts.set(f, (counts.get(f) ?? 0) + 1);
    }
    return counts;
  };
  return {
    wrong: count(wrongSentences),
    correct: count(correctSentences),
    wrongSentences: wrongSentences.length,
    correctSentences: correctSentences.length,
    ownWords,
  };
}

/**
 * How much more a sentence reads like the wrong examples than like correct text: the mean, over
 * its features seen in either, of log P(feature | wrong) − log P(feature | correct). Positive
 * leans wrong, negative leans correct. Null when none of its features was ever seen.
 */
export function wrongLikeness(
  sentenceTokens: ReadonlySet<string>,
  sentenceConcepts: Iterable<string>,
  model: WrongLikenessModel,
): number | null {
  let sum = 0;
  let seen = 0;
  for (const f of featuresOf(sentenceTokens, sentenceConcepts, model.ownWords)) {
    const wrong = model.wrong.get(f) ?? 0;
    const correct = model.correct.get(f) ?? 0;
    if (wrong === 0 && correct === 0) continue;
    seen++;
    sum +=
      Math.log((wrong + SMOOTHING) / (model.wrongSentences + 1)) -
      Math.log((correct + SMOOTHING) / (model.correctSentences + 1));
  }
  return seen > 0 ? sum / seen : null;
}
