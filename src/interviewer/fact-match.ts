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
import { askingWords } from './topics.ts';
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
  answer: Set<string>;
  zh: string[];
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
  const asking = [...fact.asks.en, fact.id.replace(/-/g, ' '), ...words.en].join(' ');
  return {
    asking: new Set(contentStems(asking)),
    answer: new Set(contentStems(fact.answer.en)),
    zh: [...fact.asks.zh, ...words.zh],
  };
}

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
      score += idf(count) * (own.asking.has(word) ? 1 : 0.5);
    }
    for (const phrase of all[i]!.zh) {
      if (!clause.includes(normalize(phrase))) continue;
      const count = all.filter((p) => p.zh.includes(phrase)).length;
      score += idf(count) * Math.min(2, phrase.length / 2);
    }
    if (score > 0) result.set(fact.id, score);
  });
  return result;
}

/** Below this a fact is not what the clause asks for (about one shared uncommon word). */
const MIN_SCORE = 1.2;

/**
 * Words that look like a fact's alias but ask about the candidate's own tooling ("which
 * programming language" is not the product's languages): taken out before matching.
 */
const NOT_ABOUT_THE_PRODUCT =
  /\b(programming|coding|query|scripting) languages?\b|\bcloud (provider|vendor)s?\b|编程语言|开发语言|云服务商|云厂商/gi;

/** The facts one clause asks for: the best fit, plus any other fact it names by an alias. */
export function factsInClause(question: string, facts: readonly Fact[]): Fact[] {
  const clauseText = question.replace(NOT_ABOUT_THE_PRODUCT, ' ');
  const scored = scores(clauseText, facts);
  const ranked = facts
    .map((fact, order) => ({ fact, order, score: scored.get(fact.id) ?? 0 }))
    .filter((r) => r.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  const best = ranked[0];
  if (!best) return [];
  const named = new Set(aliasHeads(normalize(clauseText), facts).map((s) => s.fact.id));
  // "users and latency?" names two facts; a second fact merely resembling the question does not.
  const also = ranked
    .slice(1)
    .filter((r) => named.has(r.fact.id) && named.has(best.fact.id) && r.score >= best.score * 0.5);
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
