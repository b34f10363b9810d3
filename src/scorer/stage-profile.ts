/**
 * Which stage's question does an answer address? Each stage has a profile: the words of its
 * title, question, criteria and level descriptors, signals, and every scenario's key points for
 * it, in both languages. An answer is compared with each profile by TF-IDF cosine similarity
 * (the standard way to compare a text with documents of differing length); a word every stage
 * uses weighs nothing. A candidate who answers the serving question when asked about metrics
 * is far closer to the serving profile than to the metrics one.
 */
import type { Framework, Scenario, StageId } from '../knowledge/schema.ts';
import { contentTokens } from './tokens.ts';

type Vector = Map<string, number>;

export interface StageProfiles {
  vectors: Map<StageId, Vector>;
  idf: (token: string) => number;
}

function termFrequencies(tokens: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

function unitVector(tf: Map<string, number>, idf: (t: string) => number): Vector {
  const v: Vector = new Map();
  let norm = 0;
  for (const [t, c] of tf) {
    const w = (1 + Math.log(c)) * idf(t);
    v.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of v) v.set(t, w / norm);
  return v;
}

const cache = new WeakMap<Framework, WeakMap<ReadonlyMap<string, Scenario>, StageProfiles>>();

export function stageProfiles(
  framework: Framework,
  scenarios: ReadonlyMap<string, Scenario>,
): StageProfiles {
  let byScenarios = cache.get(framework);
  if (!byScenarios) {
    byScenarios = new WeakMap();
    cache.set(framework, byScenarios);
  }
  let profiles = byScenarios.get(scenarios);
  if (!profiles) {
    profiles = buildProfiles(framework, scenarios);
    byScenarios.set(scenarios, profiles);
  }
  return profiles;
}

function buildProfiles(
  framework: Framework,
  scenarios: ReadonlyMap<string, Scenario>,
): StageProfiles {
  const docs = new Map<StageId, Map<string, number>>();
  for (const stage of framework.stages) {
    const parts: string[] = [
      stage.title.en,
      stage.title.zh,
      stage.question.en,
      stage.question.zh,
      ...stage.covers.en,
      ...stage.covers.zh,
    ];
    for (const c of stage.criteria) {
      parts.push(c.name.en, c.name.zh, c.description.en, c.description.zh);
      parts.push(...c.signals.en, ...c.signals.zh);
      for (const l of ['1', '2', '3', '4'] as const) parts.push(c.levels[l].en, c.levels[l].zh);
    }
    for (const scenario of scenarios.values()) {
      for (const p of scenario.keyPoints[stage.id] ?? []) {
        parts.push(p.text.en, p.text.zh, ...p.signals.en, ...p.signals.zh);
      }
    }
    docs.set(stage.id, termFrequencies(contentTokens(parts.join('\n'))));
  }
  const df = new Map<string, number>();
  for (const tf of docs.values()) for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.size;
  const idf = (t: string) => Math.log((n + 1) / ((df.get(t) ?? 0) + 0.5));
  const vectors = new Map([...docs].map(([stage, tf]) => [stage, unitVector(tf, idf)]));
  return { vectors, idf };
}

export interface StageFit {
  /** Similarity to the asked stage's profile. */
  own: number;
  /** The most similar other stage and its similarity. */
  other: { stage: StageId; similarity: number } | null;
}

export function stageFit(profiles: StageProfiles, text: string, stage: StageId): StageFit {
  const answer = unitVector(termFrequencies(contentTokens(text)), profiles.idf);
  let own = 0;
  let other: StageFit['other'] = null;
  for (const [id, profile] of profiles.vectors) {
    let dot = 0;
    for (const [t, w] of answer) dot += w * (profile.get(t) ?? 0);
    if (id === stage) own = dot;
    else if (!other || dot > other.similarity) other = { stage: id, similarity: dot };
  }
  return { own, other };
}
