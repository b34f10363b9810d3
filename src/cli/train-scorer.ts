/**
 * `train-scorer [--set FILE.jsonl ...] [--out FILE]`: fits the offline scorer's model on labeled
 * sets and writes its weights (by default src/scorer/weights.json, the committed model).
 * Deterministic: the same sets give the same file. How well a model trained this way does on
 * writers it never saw: `eval --set FILE --leave-one-writer-out`.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DatasetError, type LabeledItem, loadLabeledSet } from '../eval/dataset.ts';
import { loadKnowledge } from '../knowledge/loader.ts';
import { trainScorerModel } from '../scorer/training.ts';
import { type CliCommand, UsageError } from '../io.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_TRAINING_SET = path.join(ROOT, 'datasets/scoring/corpus.jsonl');
const DEFAULT_OUT = path.join(ROOT, 'src/scorer/weights.json');

export const trainScorerCommand: CliCommand = async (argv, io) => {
  let values: { set?: string[]; out?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { set: { type: 'string', multiple: true }, out: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`train-scorer: ${(error as Error).message}`);
  }
  const sets = values.set?.length ? values.set : [DEFAULT_TRAINING_SET];
  const knowledge = await loadKnowledge(io.env.KNOWLEDGE_DIR || undefined);
  const items: LabeledItem[] = [];
  try {
    for (const set of sets) items.push(...(await loadLabeledSet(set)));
  } catch (error) {
    if (error instanceof DatasetError) {
      io.stderr.write(`train-scorer: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const model = trainScorerModel(knowledge, items);
  const out = values.out ?? DEFAULT_OUT;
  await writeFile(out, `${JSON.stringify(model, null, 2)}\n`);
  io.stdout.write(
    `trained on ${model.trainedOn.items} answers from ${model.trainedOn.writers.length} writer(s); wrote ${out}\n`,
  );
  return 0;
};
