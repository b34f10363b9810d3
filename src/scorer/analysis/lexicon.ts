/**
 * The vocabulary the offline scorer reads answers with, built once per knowledge base:
 * the signal phrases of every stage's criteria and of every scenario's key points, plus a
 * word index of each scenario's text (to tell which scenario an answer is about).
 */
import type {
  Bilingual,
  Criterion,
  Framework,
  KeyPoint,
  Scenario,
  StageId,
} from '../../knowledge/schema.ts';
import { conceptsIn, keysOf, phrasesOf } from './concepts.ts';
import { buildTermIndex, contentWords, type TermIndex } from './terms.ts';

export interface CriterionLexicon {
  id: string;
  /** The criterion's own signals. */
  phrases: string[];
  /**
   * Its own signals plus those of the key points (of every scenario, for this stage) that are
   * about this criterion: scenario key points name the concrete terms candidates actually use.
   */
  extended: string[];
}

export interface StageLexicon {
  stage: StageId;
  criteria: CriterionLexicon[];
  /** Criteria phrases plus every scenario's key-point phrases for this stage. */
  all: string[];
  /** The concept keys of `all`. */
  keys: Set<string>;
}

export interface Lexicon {
  stages: Map<StageId, StageLexicon>;
  /** Every phrase known anywhere: a sentence made mostly of these is a list of terms. */
  vocabulary: string[];
  /** Distinctive words of each scenario (title, summary, prompt, facts, key points). */
  scenarioTerms: TermIndex;
  scenarioTitles: Map<string, Bilingual>;
}

/**
 * A scenario's domain words: its title, tags and the signal phrases of its key points. Prose (summary, prompt, facts) is left out: its generic words ("help", "possible") would
 * make unrelated answers look related.
 */
function scenarioText(s: Scenario): string {
  const parts: string[] = [s.title.en, s.title.zh, ...s.tags.map((t) => t.replace(/-/g, ' '))];
  for (const points of Object.values(s.keyPoints)) {
    for (const point of points ?? []) parts.push(...point.signals.en, ...point.signals.zh);
  }
  return parts.join('\n');
}

/**
 * The criteria a key point is about: those whose signals occur most in the key point's own
 * text and signals (ties keep all; a key point that names no criterion's signal maps nowhere).
 */
function criteriaAbout(
  point: KeyPoint,
  criteria: CriterionLexicon[],
  criterionWords: Set<string>[],
): CriterionLexicon[] {
  const text = [point.text.en, point.text.zh, ...point.signals.en, ...point.signals.zh].join('\n');
  const byConcepts = criteria.map((c) => conceptsIn(text, c.phrases).size);
  const pick = (overlaps: number[]) => {
    const best = Math.max(0, ...overlaps);
    return best === 0 ? [] : criteria.filter((_, i) => overlaps[i] === best);
  };
  const chosen = pick(byConcepts);
  if (chosen.length > 0) return chosen;
  // No shared signal: fall back to the words the key point shares with each criterion's text.
  const words = contentWords(text);
  return pick(criterionWords.map((cw) => [...words].filter((w) => cw.has(w)).length));
}

/** Everything a criterion says about itself, for matching key points to it. */
function criterionText(c: Criterion): string {
  return [
    c.name.en,
    c.name.zh,
    c.description.en,
    c.description.zh,
    ...(['1', '2', '3', '4'] as const).flatMap((l) => [c.levels[l].en, c.levels[l].zh]),
    ...c.signals.en,
    ...c.signals.zh,
  ].join('\n');
}

const cache = new WeakMap<Framework, WeakMap<ReadonlyMap<string, Scenario>, Lexicon>>();

export function lexiconFor(
  framework: Framework,
  scenarios: ReadonlyMap<string, Scenario>,
): Lexicon {
  let byScenarios = cache.get(framework);
  if (!byScenarios) {
    byScenarios = new WeakMap();
    cache.set(framework, byScenarios);
  }
  let lexicon = byScenarios.get(scenarios);
  if (!lexicon) {
    lexicon = buildLexicon(framework, scenarios);
    byScenarios.set(scenarios, lexicon);
  }
  return lexicon;
}

function buildLexicon(framework: Framework, scenarios: ReadonlyMap<string, Scenario>): Lexicon {
  const stages = new Map<StageId, StageLexicon>();
  const vocabulary = new Set<string>();
  for (const stage of framework.stages) {
    const criteria = stage.criteria.map((c) => {
      const phrases = phrasesOf(c.signals);
      return { id: c.id, phrases, extended: [...phrases] };
    });
    const all = new Set(criteria.flatMap((c) => c.phrases));
    const criterionWords = stage.criteria.map((c) => contentWords(criterionText(c)));
    for (const scenario of scenarios.values()) {
      for (const point of scenario.keyPoints[stage.id] ?? []) {
        const pointPhrases = phrasesOf(point.signals);
        for (const phrase of pointPhrases) all.add(phrase);
        for (const c of criteriaAbout(point, criteria, criterionWords)) {
          c.extended.push(...pointPhrases);
        }
      }
    }
    for (const c of criteria) c.extended = [...new Set(c.extended)];
    for (const phrase of all) vocabulary.add(phrase);
    stages.set(stage.id, { stage: stage.id, criteria, all: [...all], keys: keysOf([...all]) });
  }
  const docs = new Map<string, string>();
  const scenarioTitles = new Map<string, Bilingual>();
  for (const [id, scenario] of scenarios) {
    docs.set(id, scenarioText(scenario));
    scenarioTitles.set(id, scenario.title);
  }
  return {
    stages,
    vocabulary: [...vocabulary],
    scenarioTerms: buildTermIndex(docs),
    scenarioTitles,
  };
}
