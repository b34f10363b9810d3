/**
 * Loads and validates the knowledge base. A broken file stops start-up with a message naming
 * the file, the path inside it and the problem, e.g.
 *   knowledge/scenarios/foo.yaml: facts.2.answer.zh: Invalid input: expected string
 */
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDiagramKnowledge } from './diagram-files.ts';
import { loadJudgeKnowledge } from './judge-files.ts';
import type { Knowledge } from './knowledge.ts';
import type { z } from 'zod';
import {
  type Framework,
  FrameworkSchema,
  MistakeCatalogueSchema,
  ProbeFileSchema,
  type Scenario,
  ScenarioSchema,
} from './schema.ts';
import { readValid } from './yaml-file.ts';

export const DEFAULT_KNOWLEDGE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../knowledge',
);

export class KnowledgeError extends Error {
  override name = 'KnowledgeError';
  constructor(readonly problems: string[]) {
    super(`invalid knowledge base:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/**
 * Reads `<dir>/framework.yaml`, every `<dir>/scenarios/*.yaml`, and the LLM judge's optional
 * files (`checks.yaml`, `model-answers/*.yaml`). All problems in all files
 * are collected before failing, so one run shows everything to fix.
 */
export async function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Promise<Knowledge> {
  const problems: string[] = [];
  const frameworkFile = path.join(dir, 'framework.yaml');
  const framework = await readValid(FrameworkSchema, frameworkFile, problems);

  const scenarioDir = path.join(dir, 'scenarios');
  let files: string[] = [];
  try {
    files = (await readdir(scenarioDir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    problems.push(`${scenarioDir}: folder not found`);
  }
  const scenarios = new Map<string, Scenario>();
  for (const name of files) {
    const file = path.join(scenarioDir, name);
    const scenario = await readValid(ScenarioSchema, file, problems);
    if (!scenario) continue;
    const expectedId = name.replace(/\.ya?ml$/, '');
    if (scenario.id !== expectedId) {
      problems.push(`${file}: id: is "${scenario.id}" but the file name says "${expectedId}"`);
    } else if (scenarios.has(scenario.id)) {
      // e.g. churn-prediction.yaml and churn-prediction.yml: neither silently replaces the other.
      const other = files.find((f) => f !== name && f.replace(/\.ya?ml$/, '') === expectedId);
      problems.push(
        `${file}: id: "${scenario.id}" is also defined by ${other ?? 'another file'}; keep one of the two files`,
      );
    } else {
      scenarios.set(scenario.id, scenario);
    }
  }
  if (files.length === 0 && problems.length === 0)
    problems.push(`${scenarioDir}: no scenario files`);
  if (framework) await loadJudgeKnowledge(dir, framework, scenarios, problems);
  await loadDiagramKnowledge(dir, scenarios, problems);
  const mistakes = await readOptional(dir, 'mistakes.yaml', MistakeCatalogueSchema, problems);
  const probes = await readOptional(dir, 'probes.yaml', ProbeFileSchema, problems);
  if (framework && probes)
    checkProbeIds(framework, probes.probes, path.join(dir, 'probes.yaml'), problems);
  if (problems.length > 0 || !framework) throw new KnowledgeError(problems);
  return {
    framework,
    scenarios,
    mistakes: mistakes?.mistakes ?? [],
    ...(probes ? { probes: probes.probes } : {}),
  };
}

/** A file a knowledge folder may leave out (a custom KNOWLEDGE_DIR, test fixtures). */
async function readOptional<T>(
  dir: string,
  name: string,
  schema: z.ZodType<T>,
  problems: string[],
): Promise<T | undefined> {
  const file = path.join(dir, name);
  try {
    await access(file);
  } catch {
    return undefined;
  }
  return readValid(schema, file, problems);
}

/** Every probe must name a stage's criterion that exists. */
function checkProbeIds(
  framework: Framework,
  probes: Partial<Record<string, Record<string, unknown>>>,
  file: string,
  problems: string[],
): void {
  for (const [stageId, byCriterion] of Object.entries(probes)) {
    const stage = framework.stages.find((s) => s.id === stageId);
    for (const criterionId of Object.keys(byCriterion ?? {})) {
      if (!stage?.criteria.some((c) => c.id === criterionId)) {
        problems.push(
          `${file}: probes.${stageId}.${criterionId}: no such criterion in framework.yaml`,
        );
      }
    }
  }
}
