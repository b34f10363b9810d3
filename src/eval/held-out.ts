/**
 * Leave-one-writer-out: each writer's answers are scored by an offline model trained on every
 * other writer's answers only, so no figure comes from a writer the model was fitted to. This is
 * how the offline scorer is measured (`eval --leave-one-writer-out`).
 */
import type { StageScorer } from '../engine/ports.ts';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { OfflineScorer } from '../scorer/offline-scorer.ts';
import { trainScorerModel, writerOf } from '../scorer/training.ts';
import type { LabeledItem } from './dataset.ts';

export class HeldOutError extends Error {
  override name = 'HeldOutError';
}

export function scorersByHeldOutWriter(
  knowledge: Knowledge,
  items: readonly LabeledItem[],
): (item: LabeledItem) => StageScorer {
  const writers = [...new Set(items.map(writerOf))];
  if (writers.length < 2) {
    throw new HeldOutError(
      '--leave-one-writer-out needs items from two writers or more (a "writer" field on each line)',
    );
  }
  const scorers = new Map(
    writers.map((writer) => [
      writer,
      new OfflineScorer({
        knowledge,
        model: trainScorerModel(
          knowledge,
          items.filter((item) => writerOf(item) !== writer),
        ),
      }),
    ]),
  );
  return (item) => scorers.get(writerOf(item))!;
}
