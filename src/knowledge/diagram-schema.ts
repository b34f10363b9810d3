/**
 * Schemas for `knowledge/diagrams/`: the component catalogue (boxes and the words for them),
 * the flows catalogue (arrows a design may need), and per scenario what a design diagram needs
 * and the figures an estimate is checked against. Validated at start-up with the rest of the
 * knowledge base; the result is attached to each scenario as `diagram`.
 */
import { z } from 'zod';
import { BilingualSchema, SignalsSchema } from './schema.ts';

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: a-z, 0-9 and -');
const text = z.string().trim().min(1);

export const ComponentSchema = z.strictObject({
  id: kebabId,
  name: BilingualSchema,
  /** Words for the box, matched in a box's label (English on word boundaries). */
  aliases: z.strictObject({ en: z.array(text).min(1), zh: z.array(text).min(1) }),
  /** The interviewer's question when the scenario needs this and the diagram lacks it. */
  ask: BilingualSchema,
});
export type Component = z.infer<typeof ComponentSchema>;

export const ComponentCatalogueSchema = z.strictObject({
  version: z.number().int().positive(),
  components: z.array(ComponentSchema).min(1),
});

export const FlowSchema = z.strictObject({
  id: kebabId,
  from: z.array(kebabId).min(1),
  to: z.array(kebabId).min(1),
  ask: BilingualSchema,
});
export type Flow = z.infer<typeof FlowSchema>;

export const FlowCatalogueSchema = z.strictObject({
  version: z.number().int().positive(),
  flows: z.array(FlowSchema).min(1),
});

/** A figure of the scenario an estimate can be compared with (e.g. daily users, QPS). */
export const NumberFactSchema = z.strictObject({
  id: kebabId,
  /** The typical (average) value. */
  value: z.number().positive(),
  /** The peak, for rates: an estimate between average/3 and peak×3 is fine. */
  peak: z.number().positive().optional(),
  /** What is counted; `rps` is a rate per second, anything else a plain count. */
  unit: kebabId,
  /** Words next to a figure in an answer that say it is this quantity. */
  words: SignalsSchema,
});
export type NumberFact = z.infer<typeof NumberFactSchema>;

export const ScenarioDiagramFileSchema = z.strictObject({
  scenario: kebabId,
  requires: z.array(kebabId).min(1),
  flows: z.array(kebabId),
  /** The request's latency budget (p99), null when there is none (batch systems). */
  latencyMs: z.number().int().positive().nullable(),
  numbers: z.array(NumberFactSchema).min(1),
});

/** What the scenario expects of a diagram, with catalogue ids resolved. */
export interface ScenarioDiagram {
  /** Every component the catalogue knows, to recognise boxes. */
  catalogue: readonly Component[];
  requires: readonly Component[];
  flows: readonly Flow[];
  latencyMs: number | null;
  numbers: readonly NumberFact[];
}
