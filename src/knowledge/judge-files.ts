/**
 * The LLM judge's part of the knowledge base, both optional:
 * - `checks.yaml`: each rubric criterion's yes/no checks (checklist grading), merged into the
 *   framework's criteria. A criterion without written checks gets checks derived from its level
 *   descriptors by the judge.
 * - `model-answers/<scenario-id>.yaml`: a level-4 reference answer per stage, attached to the
 *   scenario as `referenceAnswers`. A missing file or stage means no reference for it.
 * Problems are reported like the rest of the knowledge base: file, path, message.
 */
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  type Framework,
  RubricChecksSchema,
  type Scenario,
  STAGE_IDS,
  StageIdSchema,
} from './schema.ts';
import { readValid } from './yaml-file.ts';

const text = z.string().trim().min(1);

/** `stages: {<stage-id>: {<criterion-id>: [checks]}}`; stages and criteria may be left out. */
export const ChecksFileSchema = z.strictObject({
  version: z.number().int().positive(),
  stages: z.partialRecord(StageIdSchema, z.record(z.string(), RubricChecksSchema)),
});

/** `{scenario: <id>, stages: {<stage-id>: {en, zh}}}`; stages and languages may be left out. */
export const ModelAnswersFileSchema = z.strictObject({
  scenario: z.string(),
  stages: z.partialRecord(
    StageIdSchema,
    z.strictObject({ en: text.optional(), zh: text.optional() }),
  ),
});

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function mergeChecks(dir: string, framework: Framework, problems: string[]): Promise<void> {
  const file = path.join(dir, 'checks.yaml');
  if (!(await exists(file))) return;
  const parsed = await readValid(ChecksFileSchema, file, problems);
  if (!parsed) return;
  for (const stageId of STAGE_IDS) {
    const byCriterion = parsed.stages[stageId];
    if (!byCriterion) continue;
    const stage = framework.stages.find((s) => s.id === stageId)!;
    for (const [criterionId, checks] of Object.entries(byCriterion)) {
      const criterion = stage.criteria.find((c) => c.id === criterionId);
      const where = `${file}: stages.${stageId}.${criterionId}`;
      if (!criterion) {
        const known = stage.criteria.map((c) => c.id).join(', ');
        problems.push(`${where}: stage "${stageId}" has no such criterion (it has: ${known})`);
      } else if (criterion.checks) {
        problems.push(`${where}: the criterion already has checks in framework.yaml`);
      } else {
        criterion.checks = checks;
      }
    }
  }
}

async function attachReferenceAnswers(
  dir: string,
  scenarios: Map<string, Scenario>,
  problems: string[],
): Promise<void> {
  const folder = path.join(dir, 'model-answers');
  let names: string[];
  try {
    names = (await readdir(folder)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return; // no folder: no reference answers
  }
  const scenarioFiles = new Set(
    (await readdir(path.join(dir, 'scenarios')).catch(() => [] as string[])).map((f) =>
      f.replace(/\.ya?ml$/, ''),
    ),
  );
  for (const name of names) {
    const file = path.join(folder, name);
    const parsed = await readValid(ModelAnswersFileSchema, file, problems);
    if (!parsed) continue;
    const expectedId = name.replace(/\.ya?ml$/, '');
    if (parsed.scenario !== expectedId) {
      problems.push(
        `${file}: scenario: is "${parsed.scenario}" but the file name says "${expectedId}"`,
      );
      continue;
    }
    const scenario = scenarios.get(expectedId);
    if (!scenario) {
      // A scenario whose own file is broken is reported there already.
      if (!scenarioFiles.has(expectedId)) {
        problems.push(`${file}: scenario: no scenario "${expectedId}" in ${dir}/scenarios`);
      }
      continue;
    }
    scenario.referenceAnswers = parsed.stages;
  }
}

export async function loadJudgeKnowledge(
  dir: string,
  framework: Framework,
  scenarios: Map<string, Scenario>,
  problems: string[],
): Promise<void> {
  await mergeChecks(dir, framework, problems);
  await attachReferenceAnswers(dir, scenarios, problems);
}
