/**
 * Which of the candidate's sentences support which criterion. The rules:
 *  - a sentence supports a criterion when it names that criterion's concepts (its signals and
 *    the key points about it), or makes a key point that is about it;
 *  - a sentence is credited to at most two criteria, the ones it is most about (most of their
 *    concepts), so one sentence is never the evidence for everything;
 *  - a quote has a useful length: a fragment under six words is joined to the sentence after it
 *    when that one carries content too;
 *  - reasoned sentences (a reason, a trade-off, a number) are quoted before bare mentions, and
 *    sentences read as a wrong idea after all others (they show the criterion was addressed, not
 *    that it was addressed well; the score's notes quote them as wrong).
 */
import type { Stage } from '../knowledge/schema.ts';
import { conceptsIn } from './analysis/concepts.ts';
import { isVerbatimQuote } from '../knowledge/signals.ts';
import type { StageLexicon } from './analysis/lexicon.ts';
import { type AnswerReading, readAsWrong } from './features.ts';

/** How many criteria one sentence may be credited to. */
const MAX_CRITERIA_PER_SENTENCE = 2;
const MAX_QUOTES = 2;
const MIN_QUOTE_WORDS = 6;

export interface CriterionEvidence {
  /** Sentence indexes credited to the criterion, best first. */
  sentences: number[];
  /** Verbatim quotes built from them. */
  quotes: string[];
  /** Any credited sentence explains rather than names. */
  reasoned: boolean;
}

export function assignEvidence(
  reading: AnswerReading,
  stage: Stage,
  lexicon: StageLexicon,
  answer: string,
): CriterionEvidence[] {
  const { sentences, content, reasoned } = reading;
  // strength[c][i]: how many of criterion c's concepts sentence i names (+1 for a key point
  // about c made there).
  const strength = lexicon.criteria.map((c) =>
    sentences.map((s, i) => (content[i] ? conceptsIn(s.text, c.extended).size : 0)),
  );
  for (const kp of reading.keyPoints) {
    if (!kp.made || kp.at < 0) continue;
    const text = [
      kp.point.text.en,
      kp.point.text.zh,
      ...kp.point.signals.en,
      ...kp.point.signals.zh,
    ].join('\n');
    lexicon.criteria.forEach((c, ci) => {
      if (conceptsIn(text, c.extended).size > 0) strength[ci]![kp.at]! += 1;
    });
  }
  // Each sentence goes to the criteria it is most about.
  const credited = lexicon.criteria.map(() => [] as number[]);
  sentences.forEach((_, i) => {
    const ranked = lexicon.criteria
      .map((_, ci) => ({ ci, n: strength[ci]![i]! }))
      .filter((r) => r.n > 0)
      .sort((a, b) => b.n - a.n || a.ci - b.ci)
      .slice(0, MAX_CRITERIA_PER_SENTENCE);
    for (const r of ranked) credited[r.ci]!.push(i);
  });
  return stage.criteria.map((_, ci) => {
    const wrong = (i: number) => Number(readAsWrong(reading, i));
    const indexes = credited[ci]!.sort(
      (a, b) =>
        wrong(a) - wrong(b) ||
        Number(reasoned[b]) - Number(reasoned[a]) ||
        strength[ci]![b]! - strength[ci]![a]! ||
        a - b,
    );
    const quotes = indexes.slice(0, MAX_QUOTES).map((i) => quoteFrom(reading, i, answer));
    return {
      sentences: indexes,
      quotes: [...new Set(quotes)],
      reasoned: indexes.some((i) => reasoned[i]),
    };
  });
}

/** The sentence, joined to the next one when it is a fragment and the next carries content. */
function quoteFrom(reading: AnswerReading, i: number, answer: string): string {
  const s = reading.sentences[i]!;
  const next = reading.sentences[i + 1];
  // Joined only when the two stand side by side in the answer (something dropped between them,
  // a repeat or text to the grader, would make the joined quote not verbatim).
  // Never joined to a sentence read as wrong: the quote would credit the wrong idea.
  const nextSound = next && reading.content[i + 1] && !readAsWrong(reading, i + 1);
  if (s.words < MIN_QUOTE_WORDS && nextSound) {
    const joined = `${s.text} ${next.text}`;
    if (isVerbatimQuote(joined, answer)) return joined;
  }
  return s.text;
}
