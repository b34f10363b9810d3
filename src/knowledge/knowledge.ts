import {
  type Framework,
  type Mistake,
  type ProbeFile,
  STAGE_IDS,
  type Scenario,
  type Stage,
  type StageId,
} from './schema.ts';

/** The validated knowledge base, as the engine and scorers see it. */
export interface Knowledge {
  framework: Framework;
  /** By scenario id, in a stable order (sorted by id). */
  scenarios: ReadonlyMap<string, Scenario>;
  /** The catalogue of common design mistakes (knowledge/mistakes.yaml); empty when absent. */
  mistakes?: readonly Mistake[];
  /** Area probes per stage and criterion (knowledge/probes.yaml); absent when the file is. */
  probes?: ProbeFile['probes'];
}

/** The mistakes to look for in one scenario: the catalogue's that apply, then its own. */
export function mistakesFor(knowledge: Pick<Knowledge, 'mistakes'>, scenario: Scenario): Mistake[] {
  const shared = (knowledge.mistakes ?? []).filter(
    (m) => !m.tags || m.tags.some((tag) => scenario.tags.includes(tag)),
  );
  const own = new Set(scenario.mistakes.map((m) => m.id));
  return [...shared.filter((m) => !own.has(m.id)), ...scenario.mistakes];
}

export function stageById(framework: Framework, id: StageId): Stage {
  const stage = framework.stages.find((s) => s.id === id);
  // The schema guarantees all 11 stages exist, so a miss is a programming error.
  if (!stage) throw new Error(`framework has no stage "${id}"`);
  return stage;
}

export function stagePlan(scenario: Scenario): StageId[] {
  return scenario.stages ?? [...STAGE_IDS];
}
