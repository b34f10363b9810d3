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
import { topicsAskedIn } from './topics.ts';
import { contentStems, hasChinese, stem } from './words.ts';

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

/** Token positions of a normalised English clause: [stem, start, end]. */
function tokenSpans(clause: string): { stem: string; start: number; end: number }[] {
  const out: { stem: string; start: number; end: number }[] = [];
  for (const m of clause.matchAll(/[a-z0-9][a-z0-9@/^+#.'-]*/g)) {
    const word = m[0].replace(/[^a-z0-9]+$/, '');
    out.push({ stem: stem(word), start: m.index, end: m.index + word.length });
  }
  return out;
}

function aliasSpans(clause: string, fact: Fact): Span[] {
  const spans: Span[] = [];
  const words = tokenSpans(clause);
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
      continue;
    }
    if (hasChinese(phrase)) continue;
    // Every distinctive word of the alias, in any inflection, inside the clause.
    const needed = contentStems(phrase);
    if (needed.length === 0) continue;
    const hits = needed.map((s) => words.find((w) => w.stem === s));
    if (hits.some((h) => h === undefined)) continue;
    const start = Math.min(...hits.map((h) => h!.start));
    const end = Math.max(...hits.map((h) => h!.end));
    if (end - start > 40) continue;
    // Weighed by what was found in the clause, below an exact match of the same length.
    spans.push({ fact, start, end, weight: Math.min(end - start, phrase.length) });
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

/** The facts one clause asks for. */
export function factsInClause(clauseText: string, facts: readonly Fact[]): Fact[] {
  const clause = normalize(clauseText);
  const spans = facts.flatMap((fact) => aliasSpans(clause, fact));
  spans.sort((a, b) => b.weight - a.weight || a.start - b.start);
  const kept: Span[] = [];
  for (const span of spans) {
    if (kept.some((k) => k.fact.id !== span.fact.id && overlaps(k, span))) continue;
    kept.push(span);
  }
  const heads = kept.filter((s) => !isModifier(clause, s, kept));
  heads.sort((a, b) => a.start - b.start);
  const found = [...new Map(heads.map((s) => [s.fact.id, s.fact])).values()];
  if (found.length > 0) return found;
  return factsByTopic(clauseText, facts);
}

const TIMING_QUESTION =
  /\b(when|how long|how soon|how late|delay|delayed)\b|什么时候|多久|多长时间|延迟多/i;
const TIMING_ANSWER = /\b\d+\s*(?:to\s+\d+\s+)?(days?|weeks?|hours?|months?)\b/i;

/** No alias matched: the clause's topic picks the best fact on that topic, if there is one. */
function factsByTopic(clauseText: string, facts: readonly Fact[]): Fact[] {
  const picked: Fact[] = [];
  const asked = new Set(contentStems(clauseText));
  for (const topic of topicsAskedIn(clauseText)) {
    const onTopic = facts.filter((f) => f.topic === topic);
    if (onTopic.length === 0) continue;
    const scored = onTopic.map((fact, order) => {
      const answer = new Set(contentStems(`${fact.answer.en} ${fact.id.replace(/-/g, ' ')}`));
      let shared = [...asked].filter((s) => answer.has(s)).length;
      // "When do we find out…" asks for a delay: prefer the fact that states one.
      if (TIMING_QUESTION.test(clauseText) && TIMING_ANSWER.test(fact.answer.en)) shared += 1;
      return { fact, order, shared };
    });
    scored.sort((a, b) => b.shared - a.shared || a.order - b.order);
    picked.push(scored[0]!.fact);
  }
  return picked;
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
