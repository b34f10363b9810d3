/**
 * Which scenario facts does a question ask for? Matched on the question's meaning, one question
 * clause at a time, never on a keyword anywhere in the message:
 * - a fact's aliases (`asks`, both languages, plus the words of its id) are found in the clause,
 *   exactly or with every distinctive word present in any inflection;
 * - where two facts' matches overlap, the longer match wins ("latency budget" is the latency
 *   fact, not a "budget" fact);
 * - a fact named only as a modifier ("data about users", "用户的数据") gives way to the fact the
 *   question is about;
 * - when no alias matches, the clause's topic (latency, scale, labels, …, see topics.ts) picks the
 *   scenario's fact on that topic whose answer shares most words with the question.
 * A clause that matches nothing is a question the scenario does not answer.
 */
import type { Fact } from '../knowledge/schema.ts';
import { normalize, phrasePatternSource } from '../knowledge/signals.ts';
import type { Question } from './questions.ts';
import { askingWords, kindWords } from './topics.ts';
import { contentStems } from './words.ts';

interface Span {
  fact: Fact;
  start: number;
  end: number;
  /** Longer, exact matches weigh more. */
  weight: number;
}

export interface FactMatch {
  /** The facts asked for, in the order they were asked, each once. */
  facts: Fact[];
  /** Questions that ask for no fact the scenario holds. */
  unmatched: Question[];
}

function aliasesOf(fact: Fact): string[] {
  return [...fact.asks.en, ...fact.asks.zh, fact.id.replace(/-/g, ' ')];
}

function aliasSpans(clause: string, fact: Fact): Span[] {
  const spans: Span[] = [];
  for (const alias of aliasesOf(fact)) {
    const phrase = normalize(alias);
    if (phrase === '') continue;
    const exact = new RegExp(phrasePatternSource(phrase), 'u').exec(clause);
    if (exact) {
      spans.push({
        fact,
        start: exact.index,
        end: exact.index + phrase.length,
        weight: phrase.length + 2,
      });
    }
  }
  return spans;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

const PREPOSITION_BEFORE =
  /\b(about|of|for|per|on|from|in|with|by|across|behind|at)\s+(the\s+|our\s+|each\s+|a\s+|every\s+)?$/;

/** "data about users", "用户的数据": the span names what another one is about. */
function inModifierPosition(clause: string, span: Span): boolean {
  const before = clause.slice(Math.max(0, span.start - 14), span.start);
  return PREPOSITION_BEFORE.test(before) || clause.slice(span.end, span.end + 1) === '的';
}

/** A modifier gives way when the clause also names a fact in the head position. */
function isModifier(clause: string, span: Span, others: Span[]): boolean {
  return (
    inModifierPosition(clause, span) &&
    others.some((o) => o.fact.id !== span.fact.id && !inModifierPosition(clause, o))
  );
}

/** Exact alias matches, longest first, with overlaps and modifiers resolved. */
function aliasHeads(clause: string, facts: readonly Fact[]): Span[] {
  const spans = facts.flatMap((fact) => aliasSpans(clause, fact));
  spans.sort((a, b) => b.weight - a.weight || a.start - b.start);
  const kept: Span[] = [];
  for (const span of spans) {
    if (kept.some((k) => k.fact.id !== span.fact.id && overlaps(k, span))) continue;
    kept.push(span);
  }
  return kept.filter((s) => !isModifier(clause, s, kept));
}

/**
 * The words of one fact a question may use: its aliases, id and asking words (`asking`), and
 * the words of its answer (`answer`, weaker: an answer mentions many things it is not about).
 */
const profiles = new WeakMap<Fact, Profile>();

interface Profile {
  asking: Set<string>;
  /** Asking words of the fact's kind, which tell it from other facts on its topic. */
  kind: Set<string>;
  answer: Set<string>;
  zh: string[];
  kindZh: string[];
}

function profile(fact: Fact): Profile {
  const cached = profiles.get(fact);
  if (cached) return cached;
  const built = buildProfile(fact);
  profiles.set(fact, built);
  return built;
}

function buildProfile(fact: Fact): Profile {
  const words = askingWords(fact);
  const kind = kindWords(fact);
  const asking = [...fact.asks.en, fact.id.replace(/-/g, ' '), ...words.en].join(' ');
  return {
    asking: new Set(contentStems(asking)),
    kind: new Set(contentStems(kind.en.join(' '))),
    answer: new Set(contentStems(fact.answer.en)),
    zh: [...fact.asks.zh, ...words.zh],
    kindZh: kind.zh,
  };
}

/**
 * A word of the fact's own kind counts a little more than one its whole topic shares: "what gets
 * recorded?" is the log, even though the item metadata is data too.
 */
const KIND_BONUS = 0.5;

/**
 * How well each fact fits the clause: exact alias hits weigh most; then every distinctive word
 * the clause shares with the fact's profile, weighted by how few of the scenario's facts share
 * it (a word every fact has tells nothing).
 */
function scores(clauseText: string, facts: readonly Fact[]): Map<string, number> {
  const clause = normalize(clauseText);
  const all = facts.map(profile);
  const asked = [...new Set(contentStems(clauseText))];
  const idf = (count: number) => Math.log((facts.length + 1) / (count + 0.5));
  const result = new Map<string, number>();
  for (const span of aliasHeads(clause, facts)) {
    result.set(span.fact.id, (result.get(span.fact.id) ?? 0) + 2 + span.weight / 4);
  }
  facts.forEach((fact, i) => {
    let score = result.get(fact.id) ?? 0;
    for (const word of asked) {
      const own = all[i]!;
      if (!own.asking.has(word) && !own.answer.has(word)) continue;
      const count = all.filter((p) => p.asking.has(word) || p.answer.has(word)).length;
      score +=
        idf(count) * (own.asking.has(word) ? 1 : 0.5) + (own.kind.has(word) ? KIND_BONUS : 0);
    }
    for (const phrase of all[i]!.zh) {
      if (!clause.includes(normalize(phrase))) continue;
      const count = all.filter((p) => p.zh.includes(phrase)).length;
      score += idf(count) * Math.min(2, phrase.length / 2);
      if (all[i]!.kindZh.includes(phrase)) score += KIND_BONUS;
    }
    if (score > 0) result.set(fact.id, score);
  });
  return result;
}

/** Below this a fact is not what the clause asks for (about one shared uncommon word). */
const MIN_SCORE = 1.2;

/**
 * Things outside the interview's scenario: the candidate's own tooling ("which programming
 * language" is not the product's languages, "which cloud provider" not its compute budget) and
 * small talk aimed at the interviewer ("your favourite team", "do you like…"). A clause about one
 * of these asks for no fact unless it also names a fact outright ("the latency budget, and which
 * cloud provider?"); the rest of its words ("the company", "team") are not a question's subject.
 */
const OUTSIDE_THE_SCENARIO =
  /\b(programming|coding|query|scripting) languages?\b|\bcloud (provider|vendor)s?\b|\b(your|you) (favou?rite|like|enjoy|prefer|hobby|hobbies|weekend|holiday)\b|\bdo you (like|enjoy|prefer)\b|编程语言|开发语言|云服务商|云厂商|你最?喜欢|你的爱好|你平时/gi;

/**
 * Words that set when, not what ("What gets recorded today…"): they give way to anything else
 * the clause asks about, and only pick a fact ("what do we have today?") when nothing else does.
 */
const TIME_CONTEXT = /\b(today|nowadays|currently|right now|at the moment|now)\b|目前|现在|如今/gi;

/**
 * Topics whose facts a general question covers together: "what data do we have?" asks for
 * every data source the scenario holds, not the first one listed.
 */
const COVERED_TOGETHER: ReadonlySet<Fact['topic']> = new Set(['data']);

/** Within this share of the best score, a fact on a covered-together topic is asked for too. */
const TIE = 0.9;

function ranked(clauseText: string, facts: readonly Fact[]) {
  const scored = scores(clauseText, facts);
  return facts
    .map((fact, order) => ({ fact, order, score: scored.get(fact.id) ?? 0 }))
    .filter((r) => r.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.order - b.order);
}

/** The facts one clause asks for: the best fit, plus any other fact it names by an alias. */
export function factsInClause(question: string, facts: readonly Fact[]): Fact[] {
  const outside = question.search(OUTSIDE_THE_SCENARIO) >= 0;
  const clauseText = question.replace(OUTSIDE_THE_SCENARIO, ' ');
  const named = new Set(aliasHeads(normalize(clauseText), facts).map((s) => s.fact.id));
  const withoutTime = ranked(clauseText.replace(TIME_CONTEXT, ' '), facts);
  let candidates = withoutTime.length > 0 ? withoutTime : ranked(clauseText, facts);
  if (outside) candidates = candidates.filter((r) => named.has(r.fact.id));
  const best = candidates[0];
  if (!best) return [];
  const also = candidates.slice(1).filter(
    (r) =>
      // "users and latency?" names two facts; a second fact merely resembling the question does not.
      (named.has(r.fact.id) && named.has(best.fact.id) && r.score >= best.score * 0.5) ||
      // "What gets recorded that we could learn from?" asks for every data source alike.
      (COVERED_TOGETHER.has(best.fact.topic) &&
        r.fact.topic === best.fact.topic &&
        r.score >= best.score * TIE),
  );
  return [best, ...also].sort((a, b) => a.order - b.order).map((r) => r.fact);
}

/** Every fact the questions ask for (no limit), and the questions that ask for none. */
export function matchFacts(questions: readonly Question[], facts: readonly Fact[]): FactMatch {
  const found = new Map<string, Fact>();
  const unmatched: Question[] = [];
  for (const question of questions) {
    const asked = factsInClause(question.text, facts);
    if (asked.length === 0) unmatched.push(question);
    for (const fact of asked) found.set(fact.id, fact);
  }
  return { facts: [...found.values()], unmatched };
}
