/**
 * A labeled evaluation set: JSON Lines, one answer per line,
 *   {"id": "...", "scenario": "...", "stage": "...", "lang": "en"|"zh", "answer": "...", "label": 1-4}
 * Extra fields are kept (e.g. `kind`: "padded", "keyword-stuffed", "injection", used for the
 * per-kind breakdown). Blank lines are skipped. Every problem is reported with its line number.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { LANGS, StageIdSchema } from '../knowledge/schema.ts';

export const LabeledItemSchema = z.looseObject({
  id: z.string().trim().min(1),
  scenario: z.string().trim().min(1),
  stage: StageIdSchema,
  lang: z.enum(LANGS),
  answer: z.string(),
  label: z.number().int().min(1).max(4),
  kind: z.string().optional(),
});
export type LabeledItem = z.infer<typeof LabeledItemSchema>;

export class DatasetError extends Error {
  override name = 'DatasetError';
  constructor(readonly problems: string[]) {
    super(`invalid labeled set:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Parses JSONL text; `source` names the file in messages. Collects all problems, then throws. */
export function parseLabeledSet(text: string, source: string): LabeledItem[] {
  const items: LabeledItem[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch (error) {
      problems.push(
        `${source}:${lineNo}: not valid JSON (${error instanceof Error ? error.message : error})`,
      );
      return;
    }
    const parsed = LabeledItemSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const where = issue.path.length > 0 ? issue.path.join('.') : '(line)';
        problems.push(`${source}:${lineNo}: ${where}: ${issue.message}`);
      }
      return;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      problems.push(`${source}:${lineNo}: id: "${parsed.data.id}" already used on line ${first}`);
      return;
    }
    seen.set(parsed.data.id, lineNo);
    items.push(parsed.data);
  });
  if (problems.length > 0) throw new DatasetError(problems);
  if (items.length === 0) throw new DatasetError([`${source}: no items`]);
  return items;
}

export async function loadLabeledSet(file: string): Promise<LabeledItem[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : error;
    throw new DatasetError([`${file}: ${reason instanceof Error ? reason.message : reason}`]);
  }
  return parseLabeledSet(text, file);
}
