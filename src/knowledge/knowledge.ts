import { type Framework, STAGE_IDS, type Scenario, type Stage, type StageId } from './schema.ts';

/** The validated knowledge base, as the engine and scorers see it. */
export interface Knowledge {
  framework: Framework;
  /** By scenario id, in a stable order (sorted by id). */
  scenarios: ReadonlyMap<string, Scenario>;
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
