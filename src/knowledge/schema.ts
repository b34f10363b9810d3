/**
 * Schemas for the knowledge base in `knowledge/` (framework.yaml and scenarios/*.yaml).
 *
 * These are the single source of truth for the files' shape: the loader validates every file
 * against them at start-up, and the engine only ever sees the parsed, typed result.
 */
import { z } from 'zod';
import type { ScenarioDiagram } from './diagram-schema.ts';

export const STAGE_IDS = [
  'requirements',
  'metrics',
  'architecture',
  'data',
  'features',
  'modeling',
  'serving',
  'deployment',
  'scaling',
  'monitoring',
  'updating',
] as const;
export const StageIdSchema = z.enum(STAGE_IDS);
export type StageId = z.infer<typeof StageIdSchema>;

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const DifficultySchema = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof DifficultySchema>;

const text = z.string().trim().min(1);

/** A piece of text in both interview languages. */
export const BilingualSchema = z.strictObject({ en: text, zh: text });
export type Bilingual = z.infer<typeof BilingualSchema>;

/**
 * Phrases whose presence in a candidate's words shows a concept was addressed. Matched
 * case-insensitively as substrings (English phrases on word boundaries). Used by the offline
 * scorer and the offline interviewer to see what the candidate has and has not covered.
 */
export const SignalsSchema = z.strictObject({
  en: z.array(text).min(1),
  zh: z.array(text).min(1),
});
export type Signals = z.infer<typeof SignalsSchema>;

const kebabId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: a-z, 0-9 and -');

/**
 * One yes/no question an LLM judge answers about a candidate's answer, with a verbatim quote
 * (checklist grading). `level` is the rubric level the check evidences: a criterion reaches a
 * level when enough of its checks at that level and every level below are met (see
 * `levelFromChecks`).
 */
export const RubricCheckSchema = z.strictObject({
  level: z.union([z.literal(2), z.literal(3), z.literal(4)]),
  en: text,
  zh: text,
});
export type RubricCheck = z.infer<typeof RubricCheckSchema>;

export const RubricChecksSchema = z
  .array(RubricCheckSchema)
  .min(3)
  .superRefine((checks, ctx) => {
    for (const level of [2, 3, 4] as const) {
      if (!checks.some((c) => c.level === level)) {
        ctx.addIssue({ code: 'custom', message: `needs at least one check at level ${level}` });
      }
    }
  });

export const CriterionSchema = z.strictObject({
  id: kebabId,
  name: BilingualSchema,
  description: BilingualSchema,
  /** What an answer at each level looks like: 1 poor, 2 weak, 3 solid, 4 excellent. */
  levels: z.strictObject({
    '1': BilingualSchema,
    '2': BilingualSchema,
    '3': BilingualSchema,
    '4': BilingualSchema,
  }),
  signals: SignalsSchema,
  /**
   * The judge's yes/no checks. Usually kept in `knowledge/checks.yaml` and merged in at load;
   * absent, the judge derives one check per level from the level descriptors.
   */
  checks: RubricChecksSchema.optional(),
});
export type Criterion = z.infer<typeof CriterionSchema>;

export const StageSchema = z.strictObject({
  id: StageIdSchema,
  title: BilingualSchema,
  /** The interviewer's opening question for the stage. */
  question: BilingualSchema,
  /** What the stage covers, one topic per item (same count in both languages not required). */
  covers: z.strictObject({ en: z.array(text).min(2), zh: z.array(text).min(2) }),
  timeBudgetMinutes: z.number().int().min(1).max(30),
  criteria: z.array(CriterionSchema).min(3).max(5),
  /** Ordered from gentle to specific. */
  hints: z.array(BilingualSchema).min(3),
  followups: z.array(BilingualSchema).min(2),
});
export type Stage = z.infer<typeof StageSchema>;

/** The seed's follow-up list: cross-cutting topics an interviewer probes (scale, AutoML, ...). */
export const FollowupTopicSchema = z.strictObject({
  id: kebabId,
  title: BilingualSchema,
  /** Stages where this topic is a natural follow-up. */
  stages: z.array(StageIdSchema).min(1),
  questions: z.array(BilingualSchema).min(1),
  /** If the candidate already said these, the topic counts as covered. */
  signals: SignalsSchema,
});
export type FollowupTopic = z.infer<typeof FollowupTopicSchema>;

export const FrameworkSchema = z
  .strictObject({
    version: z.number().int().positive(),
    stages: z.array(StageSchema).length(STAGE_IDS.length),
    followupTopics: z.array(FollowupTopicSchema).min(9),
  })
  .superRefine((framework, ctx) => {
    framework.stages.forEach((stage, index) => {
      if (stage.id !== STAGE_IDS[index]) {
        ctx.addIssue({
          code: 'custom',
          path: ['stages', index, 'id'],
          message: `stage ${index + 1} must be "${STAGE_IDS[index]}" (stages are listed in framework order)`,
        });
      }
    });
  });
export type Framework = z.infer<typeof FrameworkSchema>;

export const FactSchema = z.strictObject({
  id: kebabId,
  topic: z.enum([
    'product',
    'users',
    'scale',
    'latency',
    'data',
    'labels',
    'constraints',
    'business',
  ]),
  /** Words in a clarifying question that ask for this fact. */
  asks: SignalsSchema,
  answer: BilingualSchema,
});
export type Fact = z.infer<typeof FactSchema>;

export const KeyPointSchema = z.strictObject({
  text: BilingualSchema,
  signals: SignalsSchema,
});
export type KeyPoint = z.infer<typeof KeyPointSchema>;

/** Regular expressions (case-insensitive), checked to compile when the file is loaded. */
const regexList = z.array(
  z.string().refine(
    (source) => {
      try {
        new RegExp(source, 'iu');
        return true;
      } catch {
        return false;
      }
    },
    { message: 'not a valid regular expression' },
  ),
);

/**
 * A common ML design mistake (knowledge/mistakes.yaml, or a scenario's own `mistakes`): how to
 * recognise it in a candidate's sentence, the challenge an interviewer puts, why it matters, and
 * what a candidate who recovered says afterwards.
 */
export const MistakeSchema = z.strictObject({
  id: kebabId,
  title: BilingualSchema,
  /** Stages where the mistake is looked for; all stages when absent. */
  stages: z.array(StageIdSchema).min(1).optional(),
  /** Only for scenarios with one of these tags; every scenario when absent. */
  tags: z.array(kebabId).min(1).optional(),
  /** A sentence matching one of these makes the mistake… */
  recognise: z.strictObject({ en: regexList.min(1), zh: regexList.min(1) }),
  /** …unless the same message also matches one of these (negation, already handled). */
  unless: z.strictObject({ en: regexList, zh: regexList }).optional(),
  /** What the interviewer asks; names the problem's area, never the fix. */
  challenge: BilingualSchema,
  /** For the scorecard: why it matters. */
  why: BilingualSchema,
  /** Words after the challenge that show the candidate fixed it. */
  recovered: z.strictObject({ en: regexList.min(1), zh: regexList.min(1) }),
});
export type Mistake = z.infer<typeof MistakeSchema>;

export const MistakeCatalogueSchema = z
  .strictObject({ version: z.number().int().positive(), mistakes: z.array(MistakeSchema).min(1) })
  .superRefine((file, ctx) => {
    const ids = file.mistakes.map((m) => m.id);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['mistakes'], message: 'two mistakes share an id' });
    }
  });

/** Area probes per stage and criterion (knowledge/probes.yaml). */
export const ProbeFileSchema = z.strictObject({
  version: z.number().int().positive(),
  probes: z.partialRecord(StageIdSchema, z.record(kebabId, BilingualSchema)),
});
export type ProbeFile = z.infer<typeof ProbeFileSchema>;

export const ScenarioSchema = z
  .strictObject({
    id: kebabId,
    title: BilingualSchema,
    summary: BilingualSchema,
    difficulty: DifficultySchema,
    tags: z.array(kebabId).default([]),
    durationMinutes: z.number().int().min(15).max(120).default(45),
    /** The stages this interview walks through, in order. Defaults to all 11. */
    stages: z.array(StageIdSchema).min(1).optional(),
    /** What the interviewer says to open the interview. */
    prompt: BilingualSchema,
    /** Facts revealed only when the candidate asks for them. */
    facts: z.array(FactSchema).min(4),
    /** What a strong answer covers, per stage. */
    keyPoints: z.partialRecord(StageIdSchema, z.array(KeyPointSchema).min(1)),
    /** Scenario-specific follow-up questions. */
    followups: z.array(z.strictObject({ stage: StageIdSchema, question: BilingualSchema })).min(3),
    /** Mistakes particular to this scenario, added to the catalogue in knowledge/mistakes.yaml. */
    mistakes: z.array(MistakeSchema).default([]),
  })
  .superRefine((scenario, ctx) => {
    const plan = scenario.stages ?? STAGE_IDS;
    if (new Set(plan).size !== plan.length) {
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'a stage is listed twice' });
    }
    for (const stage of plan) {
      if (!scenario.keyPoints[stage]) {
        ctx.addIssue({
          code: 'custom',
          path: ['keyPoints', stage],
          message: `stage "${stage}" is in the plan but has no key points`,
        });
      }
    }
    const factIds = scenario.facts.map((f) => f.id);
    if (new Set(factIds).size !== factIds.length) {
      ctx.addIssue({ code: 'custom', path: ['facts'], message: 'two facts share an id' });
    }
  });
export type Scenario = z.infer<typeof ScenarioSchema> & {
  /** What a design diagram needs and the figures estimates are checked against (knowledge/diagrams/). */
  diagram?: ScenarioDiagram;
  /**
   * A level-4 answer per stage, for the LLM judge, from `knowledge/model-answers/<id>.yaml` when
   * present. A stage or language without one has no reference.
   */
  referenceAnswers?: ReferenceAnswers;
};

/** Reference (level-4) answers of one scenario, by stage; either language may be missing. */
export type ReferenceAnswers = Partial<Record<StageId, Partial<Bilingual>>>;
