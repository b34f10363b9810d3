/**
 * Problems praised: a sentence that calls a problem the design must prevent useful or good
 * ("training-serving skew is actually useful here", "data leakage is good, it gives the model more
 * signal", "数据泄露其实是好事"). The problems are the glossary's terms marked `problem: true`
 * (knowledge/definitions.yaml): leakage, skew, drift, the biases, label noise … Answers that stuff
 * keywords name the risks an interviewer listens for and get their sign wrong.
 *
 * Only the problem itself praised counts: praise of what handles it ("preventing leakage is
 * useful", "监控漂移很有用", "position bias features are useful") is right, and so is a question or
 * a condition ("whether drift is good or bad depends …").
 */
import { type DefinedTerm, sentencesToRead } from './definitions.ts';

/** The words of praise, shared by the readers below and their cheap first pass. */
const PRAISE_WORDS_EN =
  'useful|helpful|good|great|beneficial|desirable|valuable|a good thing|a plus|an advantage|a benefit|what we want';
const PRAISE_NOUNS_ZH = '好事|有用|有帮助|有好处|有益';
const PRAISE_ADJECTIVES_ZH = '(很|挺|非常)(有用|有帮助|好)';
/** Praise right after the term: "is (actually) useful", "are a good thing". */
const PRAISE_EN = new RegExp(
  String.raw`^\s*(is|are|was|were|can be|could be|would be|will be)\s+((actually|really|quite|very|pretty|super|definitely|generally|usually|often|honestly|kind of|sort of|in fact)\s+)*(${PRAISE_WORDS_EN})\b(?!\s+to\b)`,
  'iu',
);
const PRAISE_ZH = new RegExp(
  String.raw`^\s*(其实|实际上|反而|本身)?\s*(也)?\s*(是)?\s*(一件)?\s*(${PRAISE_NOUNS_ZH})|^\s*(其实|实际上|反而|本身)?\s*(也)?\s*${PRAISE_ADJECTIVES_ZH}`,
  'u',
);
/** What handles the problem, named before it: the praise is the fix's. */
const FIX_BEFORE =
  /\b(prevent|avoid|detect|reduc|fix|monitor|catch|measur|check|handl|address|mitigat|correct|control|track|watch|spot|find|understand|model|estimat|debias|remov|know|learn|test|guard)\w*\s+((for|the|a|an|of|about|against|any|some)\s+)*$|(防止|避免|检测|监控|减少|解决|处理|发现|纠正|消除|识别|估计|建模|了解|应对)\s*$/iu;
/** None or less of the problem is what is praised: "no data leakage is what we want", "没有数据泄露是好事". */
const ABSENT_BEFORE =
  /\b(no|zero|less|low|lower|fewer|minimal|without|little|reduced|avoiding|preventing)\s+((the|any|some|a)\s+)?$|(没有|无|减少|更少|避免)\s*$/iu;
/** A condition or a question put before the term: no claim is made. */
const CONDITION_BEFORE = /\b(if|whether|when|unless)\b[^,;]*$|(如果|假如|是否)[^，,；;]*$/iu;

/** Does the sentence call the problem useful or good? */
export function praisesProblem(sentence: string, term: DefinedTerm): boolean {
  if (!term.problem) return false;
  for (const re of term.term) {
    for (const match of sentence.matchAll(re)) {
      const before = sentence.slice(Math.max(0, match.index - 40), match.index);
      if (FIX_BEFORE.test(before) || CONDITION_BEFORE.test(before) || ABSENT_BEFORE.test(before))
        continue;
      const rest = sentence.slice(match.index + match[0].length);
      if (!PRAISE_EN.test(rest) && !PRAISE_ZH.test(rest)) continue;
      // "Is position bias good or bad here?" asks; "好事还是坏事" weighs both.
      if (/[?？]\s*$/u.test(sentence) || /\bgood or bad\b|好事还是坏事|是好是坏/iu.test(rest))
        continue;
      return true;
    }
  }
  return false;
}

/** Any praise word anywhere in the sentence (a cheap first pass). */
const ANY_PRAISE = new RegExp(
  `${PRAISE_WORDS_EN}|${PRAISE_NOUNS_ZH}|${PRAISE_ADJECTIVES_ZH}`,
  'iu',
);

/** The ids of the problems the sentences praise (each once). */
export function praisedProblemsIn(
  sentences: readonly string[],
  terms: readonly DefinedTerm[],
): string[] {
  const problems = terms.filter((t) => t.problem);
  const read = sentencesToRead(sentences, ANY_PRAISE);
  return problems.filter((t) => read.some((s) => praisesProblem(s, t))).map((t) => t.id);
}
