/**
 * Is the candidate asking the interviewer something? Finds the questions in a message, in English
 * and Chinese, and splits a sentence that asks several things into one clause per question.
 *
 * A question: a question mark, an interrogative with an inverted verb ("what is", "how many
 * users are", "do we"), a request ("I'd like to know", "tell me"), or in Chinese 吗/请问/是否/
 * 多少/什么/如何…. Not a question:
 * - a heading, "How often to retrain: hourly, …" or "至于如何处理标签延迟：…" (the part before the
 *   colon is a label for what follows);
 * - a declarative use of a question word, "What we optimize is watch time", "我们会讨论如何…";
 * - a rhetorical question the candidate answers right away ("How do we handle delay? We wait…").
 */
import { splitSentences } from '../knowledge/signals.ts';
import { contentStems, hasChinese } from './words.ts';

export interface Question {
  /** The question clause as the candidate wrote it. */
  text: string;
  /** The sentence it came from. */
  sentence: string;
}

const AUX =
  "(?:is|are|was|were|do|does|did|can|could|should|would|will|shall|may|might|must|has|have|had|'s|'re)";
const WH = "(?:what|what's|whats|how|which|who|when|where|why|whom|whose)";
// "what's", "what is", "what data do", "how fast is", "how many card transactions are".
const EN_WH_QUESTION = new RegExp(
  [
    `^${WH}'s\\b`,
    `^${WH}\\s+${AUX}\\b`,
    `^${WH}\\s+(?!we\\b|i\\b|you\\b|they\\b)[\\w-]+\\s+${AUX}\\b`,
    `^how\\s+(?:many|much)\\s+(?:[\\w-]+\\s+){0,3}?${AUX}\\b`,
  ].join('|'),
  'i',
);
// The word must end there: "any-to-any translation" is a noun phrase, not "Any …?".
const EN_AUX_START = new RegExp(
  `^(?:${AUX}|is there|are there|do we|does it|can we|can i|could you|can you|should we|would it|will it|any)(?![\\w-])`,
  'i',
);
const EN_ASKING =
  /\b(i'?d like to know|i would like to know|i want to know|i wonder|i'm wondering|can you tell me|could you tell me|tell me|wondering|curious (about|whether|if)|please (share|clarify|confirm)|is it known)\b/i;
/** Fragments that ask without a verb: "Latency budget?", "And the p99?" need a question mark. */
const QUESTION_MARK = /[?？]/;

/** Asking without a question mark: a final particle or a request to be told. */
const ZH_ASKING =
  /[吗嘛呢](?:[。！!，,]|$)|请问|想问|想了解|想知道|问一下|能否告诉|可以告诉|能不能说/;
/** A question word at the start of a short sentence: "延迟要求是多少", "有没有标注数据". */
const ZH_WH =
  /是否|有没有|有无|能不能|可不可以|能否|多少|多大|多快|多久|多长|几个|哪些|哪个|哪种|哪里|什么|怎么样|如何|怎样|怎么/;
/** Declarative uses of a Chinese question word: "不管多少", "什么都", "我们会讨论如何…". */
const ZH_DECLARATIVE =
  /不管|无论|什么都|什么也|没什么|怎样都|比如|例如|^(?:我|我们)(?:会|将|要|先|再|就|可以|打算|准备|用|来|需要|考虑|讨论|决定)/;

/** "How often to retrain: hourly" / "至于如何处理标签延迟：…": a label, then the statement. */
function isHeading(sentence: string): boolean {
  const match = /^([^:：?？]{1,60})[:：]\s*(.+)$/s.exec(sentence);
  if (!match) return false;
  const [, label, rest] = match;
  if (QUESTION_MARK.test(rest!)) return false;
  const words = hasChinese(label!) ? label!.length / 3 : label!.trim().split(/\s+/).length;
  return words <= 10;
}

function asksInEnglish(sentence: string): boolean {
  const s = sentence
    .trim()
    .replace(/^(and|so|also|ok|okay|then|but|first|second|lastly|finally|one more)\b[,\s]*/i, '');
  return EN_WH_QUESTION.test(s) || EN_AUX_START.test(s) || EN_ASKING.test(s);
}

function asksInChinese(sentence: string): boolean {
  const s = sentence.trim();
  if (ZH_ASKING.test(s)) return true;
  // Without a question mark, a question word only asks in a short sentence that is not a
  // description ("是否官方来源、文档类型…" lists features; it asks nothing).
  return s.length <= 30 && ZH_WH.test(s) && !ZH_DECLARATIVE.test(s);
}

/** Whether one sentence asks something. */
export function isQuestionSentence(sentence: string): boolean {
  if (isHeading(sentence)) return false;
  if (QUESTION_MARK.test(sentence)) return true;
  return hasChinese(sentence) ? asksInChinese(sentence) : asksInEnglish(sentence);
}

/** A statement in the candidate's own voice that answers a question they just put. */
function answersItself(next: string | undefined): boolean {
  if (!next || isQuestionSentence(next)) return false;
  if (
    /\b(assume|assuming|guess|probably|presumably|if not|otherwise)\b|假设|估计|如果没有|否则/i.test(
      next,
    )
  )
    return false;
  return /^(we|we'll|we'd|i|i'll|i'd|i'm|our|my|the answer|first|by|using|so we)\b|^(我们|我|首先|答案)/i.test(
    next.trim(),
  );
}

/**
 * Split one question sentence into clauses that each ask one thing:
 * "How many users do we have, and what latency?" → two clauses. Lists without a new
 * interrogative ("users, latency and budget?") stay whole; the fact matcher finds each part.
 */
export function questionClauses(sentence: string): string[] {
  const parts = sentence
    .split(
      /[,;，；]\s*(?:and|also|plus|or)?\s*(?=(?:what|what's|how|which|who|when|where|why|is|are|do|does|can|could|should|will|would)\b)|\s+(?:and|also|plus)\s+(?=(?:what|what's|how|which|who|when|where|why|is there|are there|do we|does)\b)|[，；、]\s*(?:还有|另外|以及|并且|然后)?(?=[^，；、]*(?:多少|多大|多快|多久|什么|哪些|哪个|是否|有没有|吗|如何|怎么))/i,
    )
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  // "…, and where does it come from?" asks about the same thing: it joins the clause before.
  const clauses: string[] = [];
  for (const part of parts) {
    const empty = hasChinese(part)
      ? part.replace(/[^\u3400-\u9fff]/g, '').length <= 5
      : contentStems(part).length === 0;
    if (empty && clauses.length > 0) clauses[clauses.length - 1] += ` ${part}`;
    else clauses.push(part);
  }
  return clauses.length > 0 ? clauses : [sentence];
}

/** The questions in a message, one per clause, in order. */
export function findQuestions(message: string): Question[] {
  const sentences = splitSentences(message);
  const statements = sentences.filter((s) => !isQuestionSentence(s)).length;
  const questions: Question[] = [];
  sentences.forEach((sentence, index) => {
    if (!isQuestionSentence(sentence)) return;
    // In a message that is mostly statements, a question the candidate answers right away is
    // rhetorical ("How do we handle delay? We wait for chargebacks.").
    if (statements > 0 && answersItself(sentences[index + 1])) return;
    for (const clause of questionClauses(sentence)) questions.push({ text: clause, sentence });
  });
  return questions;
}

/** Mostly questions: short, or at least half of the text is question sentences. */
export function isMostlyQuestions(message: string, questions: readonly Question[]): boolean {
  const asked = new Set(questions.map((q) => q.sentence));
  const length = [...asked].reduce((n, s) => n + s.length, 0);
  return message.trim().length <= 200 || length >= message.trim().length * 0.5;
}
