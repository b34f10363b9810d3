/**
 * Does an answer make a key point in its own words? A key point's idea is the set of content
 * tokens of its text and signals (English and Chinese, see tokens.ts), each weighted by how
 * rare it is among all key points of the knowledge base (inverse document frequency), so "model"
 * or "user" weigh little and "chargeback" or "标签" weigh much. A passage of the answer (one
 * sentence, or two neighbouring ones) makes the point to the degree it holds the point's
 * weighted tokens. Passages, not the whole answer: a long answer must not collect a point's
 * words from sentences about other things.
 */
import type { KeyPoint, Scenario } from '../knowledge/schema.ts';
import { tokenSet } from './tokens.ts';

export interface KeyPointIdea {
  /** Token → weight, per language version of the point (best language wins). */
  versions: Map<string, number>[];
  /**
   * The token sets of the point's multi-word signals ("continuous training", "warm start"): a
   * passage holding all of one set's words, in any order and inflection, names the signal.
   */
  signals: Set<string>[];
}

export interface IdeaIndex {
  ideas: WeakMap<KeyPoint, KeyPointIdea>;
}

function pointTexts(point: KeyPoint): string[] {
  return [
    [point.text.en, ...point.signals.en].join('\n'),
    [point.text.zh, ...point.signals.zh].join('\n'),
  ];
}

/** Built once per knowledge base: every key point of every scenario is one document. */
export function buildIdeaIndex(scenarios: Iterable<Scenario>): IdeaIndex {
  const docs: { point: KeyPoint; sets: Set<string>[] }[] = [];
  const df = new Map<string, number>();
  for (const scenario of scenarios) {
    for (const points of Object.values(scenario.keyPoints)) {
      for (const point of points ?? []) {
        const sets = pointTexts(point).map(tokenSet);
        docs.push({ point, sets });
        for (const token of new Set(sets.flatMap((s) => [...s])))
          df.set(token, (df.get(token) ?? 0) + 1);
      }
    }
  }
  const idf = new Map<string, number>();
  for (const [token, n] of df) idf.set(token, Math.log((1 + docs.length) / n));
  const ideas = new WeakMap<KeyPoint, KeyPointIdea>();
  for (const { point, sets } of docs) {
    ideas.set(point, {
      versions: sets.map((set) => new Map([...set].map((t) => [t, idf.get(t) ?? 0]))),
      signals: [...point.signals.en, ...point.signals.zh]
        .map(tokenSet)
        .filter((set) => set.size >= 2),
    });
  }
  return { ideas };
}

/** The share (0–1) of a weighted token set that `tokens` holds. */
function coverage(version: Map<string, number>, tokens: ReadonlySet<string>): number {
  let total = 0;
  let held = 0;
  for (const [token, weight] of version) {
    total += weight;
    if (tokens.has(token)) held += weight;
  }
  return total > 0 ? held / total : 0;
}

export interface KeyPointMatch {
  /** 0–1: how much of the point's weighted idea the best passage holds. */
  strength: number;
  /** Sentence index where that passage starts (-1: none). */
  at: number;
  /** Sentence index of the first passage naming a multi-word signal in other forms, or -1. */
  signalAt: number;
}

/**
 * How strongly the best passage of `sentences` makes the point, and where. `sentenceTokens` are
 * the sentences' token sets, in order.
 */
export function matchKeyPoint(
  index: IdeaIndex,
  point: KeyPoint,
  sentenceTokens: readonly ReadonlySet<string>[],
): KeyPointMatch {
  const idea = index.ideas.get(point);
  if (!idea) return { strength: 0, at: -1, signalAt: -1 };
  const signalAt = sentenceTokens.findIndex((tokens) =>
    idea.signals.some((signal) => [...signal].every((t) => tokens.has(t))),
  );
  let best = { strength: 0, at: -1, signalAt };
  for (let i = 0; i < sentenceTokens.length; i++) {
    const passages = [sentenceTokens[i]!];
    if (i + 1 < sentenceTokens.length) {
      passages.push(new Set([...sentenceTokens[i]!, ...sentenceTokens[i + 1]!]));
    }
    for (const [p, passage] of passages.entries()) {
      for (const version of idea.versions) {
        // A two-sentence passage counts a little less than one sentence holding it all.
        const strength = coverage(version, passage) * (p === 0 ? 1 : 0.9);
        if (strength > best.strength) best = { strength, at: i, signalAt };
      }
    }
  }
  return best;
}
