/**
 * Loads and validates the knowledge base. A broken file stops start-up with a message naming
 * the file, the path inside it and the problem, e.g.
 *   knowledge/scenarios/foo.yaml: facts.2.answer.zh: Invalid input: expected string
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';
import type { Knowledge } from './knowledge.ts';
import { FrameworkSchema, type Scenario, ScenarioSchema } from './schema.ts';

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

async function readYaml(file: string, problems: string[]): Promise<unknown> {
  try {
    return parse(await readFile(file, 'utf8'));
  } catch (error) {
    problems.push(
      `${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
    return undefined;
  }
}

function validate<T>(
  schema: z.ZodType<T>,
  data: unknown,
  file: string,
  problems: string[],
): T | undefined {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    problems.push(`${file}: ${where}: ${issue.message}`);
  }
  return undefined;
}

/**
 * Reads `<dir>/framework.yaml` and every `<dir>/scenarios/*.yaml`. All problems in all files
 * are collected before failing, so one run shows everything to fix.
 */
export async function loadKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): Promise<Knowledge> {
  const problems: string[] = [];
  const frameworkFile = path.join(dir, 'framework.yaml');
  const framework = validate(
    FrameworkSchema,
    await readYaml(frameworkFile, problems),
    frameworkFile,
    problems,
  );

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
    const scenario = validate(ScenarioSchema, await readYaml(file, problems), file, problems);
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
  if (problems.length > 0 || !framework) throw new KnowledgeError(problems);
  return { framework, scenarios };
}
