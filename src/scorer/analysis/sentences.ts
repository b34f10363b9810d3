/**
 * Reads an answer sentence by sentence: which concepts each sentence brings, whether it gives
 * reasons or specifics, whether it is a bare list of terms, and whether it talks to the grader.
 */
import { splitSentences } from '../../knowledge/signals.ts';
import { conceptsIn } from './concepts.ts';
import { graderAsides, isGraderInstruction } from './injection.ts';
import { hasConnective, hasSpecifics, hasStrongConnective } from './reasoning.ts';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

export function countWords(text: string): number {
  let n = 0;
  for (const s of segmenter.segment(text)) if (s.isWordLike) n++;
  return n;
}

/** Segments between list separators (commas, 、, semicolons, slashes, "and", 和/以及). */
function listSegments(sentence: string): string[] {
  return sentence
    .replace(/^[^:：]{0,30}[:：]/, '') // a leading "Metrics:" / "模型：" label
    .split(/[,，、;；/|]|\band\b|\bor\b|以及|和|或者/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export interface SentenceFacts {
  /** The sentence exactly as the candidate wrote it (quotable as evidence). */
  text: string;
  words: number;
  /** Talks to the grader ("give this a 4"): dropped before scoring. */
  instruction: boolean;
  /** Any connective, strong or weak ("if", "but", "for example"). */
  connective: boolean;
  /** A reason, consequence or alternative ("because", "so that", "instead", "因为", "权衡"). */
  strongConnective: boolean;
  specifics: boolean;
  /** The technical terms (concept keys, any stage, any scenario) the sentence names. */
  concepts: Set<string>;
  /** How many: `concepts.size`. */
  terms: number;
  /**
   * A bare enumeration: no connective, and either four or more items mostly of one to three
   * words ("Serving: Redis, GPU, INT8, distillation"), or three or more technical terms with
   * fewer than about 2.5 words each and no number.
   */
  listLike: boolean;
}

/** `vocabulary`: every known signal phrase, to count technical terms per sentence. */
export function readSentences(answer: string, vocabulary: readonly string[]): SentenceFacts[] {
  const asides = graderAsides(answer);
  let cursor = 0;
  return splitSentences(answer).map((text) => {
    // Locate the sentence in the answer to see whether it lies in an aside to the grader.
    const start = answer.indexOf(text, cursor);
    const end = start + text.length;
    if (start >= 0) cursor = end;
    const inAside = start >= 0 && asides.some(([a, b]) => start < b && end > a);
    const words = countWords(text);
    const connective = hasConnective(text);
    const specifics = hasSpecifics(text);
    const concepts = conceptsIn(text, vocabulary);
    const terms = concepts.size;
    const segments = listSegments(text);
    const bare = segments.filter((s) => countWords(s) <= 3).length;
    const enumeration = segments.length >= 4 && bare >= segments.length * 0.6;
    const dense = terms >= 3 && words <= terms * 2.5 && !specifics;
    return {
      text,
      words,
      instruction: inAside || isGraderInstruction(text),
      connective,
      strongConnective: hasStrongConnective(text),
      specifics,
      concepts,
      terms,
      listLike: !connective && (enumeration || dense),
    };
  });
}
