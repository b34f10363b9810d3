/**
 * Trains the offline scorer's ordinal model on a labeled corpus (see datasets/scoring/README.md).
 * Answers the rules decide on their own (another stage's or scenario's answer, no content, two
 * ideas or more read as wrong) are left out: the model only learns to grade the answers it will
 * grade. Every writer weighs the same in the fit, so a prolific writer's style does not become
 * the norm.
 */
import type { LabeledItem } from '../eval/dataset.ts';
import { type Knowledge, stageById } from '../knowledge/knowledge.ts';
import { type AnswerReading, readAnswer } from './features.ts';
import { decidedByRules } from './offline-scorer.ts';
import { type OrdinalModel, type TrainingExample, trainOrdinal } from './ordinal-model.ts';

/** Cache of readings per item object: leave-one-writer-out reads each answer once, not N times. */
const readings = new WeakMap<LabeledItem, AnswerReading>();

export function readItem(knowledge: Knowledge, item: LabeledItem): AnswerReading {
  let reading = readings.get(item);
  if (!reading) {
    reading = readAnswer({
      framework: knowledge.framework,
      scenarios: knowledge.scenarios,
      scenario: knowledge.scenarios.get(item.scenario)!,
      stage: stageById(knowledge.framework, item.stage),
      lang: item.lang,
      answer: item.answer,
    });
    readings.set(item, reading);
  }
  return reading;
}

export function writerOf(item: LabeledItem): string {
  const writer = (item as { writer?: unknown }).writer;
  return typeof writer === 'string' && writer ? writer : '(unknown)';
}

/**
 * Shrinkage of the weights. Small: with eight writers' answers the fit is well determined, and
 * heavier shrinkage pulled the weights of the few features that tell wrong content from right
 * (wrong claims, key points held in substance) toward zero. Chosen leave-one-writer-out.
 */
export const TRAINING_L2 = 0.001;

export function trainScorerModel(
  knowledge: Knowledge,
  items: readonly LabeledItem[],
): OrdinalModel {
  const perWriter = new Map<string, number>();
  const usable = items.filter((item) => !decidedByRules(readItem(knowledge, item)));
  for (const item of usable)
    perWriter.set(writerOf(item), (perWriter.get(writerOf(item)) ?? 0) + 1);
  const examples: TrainingExample[] = usable.map((item) => ({
    x: readItem(knowledge, item).features,
    label: item.label,
    weight: usable.length / (perWriter.size * perWriter.get(writerOf(item))!),
  }));
  return trainOrdinal(examples, { l2: TRAINING_L2, writers: [...perWriter.keys()].sort() });
}
