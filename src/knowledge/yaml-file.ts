/**
 * Reading one YAML file of the knowledge base and validating it against its schema. Problems are
 * collected (file, path inside it, message), never thrown, so one run shows everything to fix.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { z } from 'zod';

export async function readYaml(file: string, problems: string[]): Promise<unknown> {
  try {
    return parse(await readFile(file, 'utf8'));
  } catch (error) {
    problems.push(
      `${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
    return undefined;
  }
}

export function validate<T>(
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

/** Reads `file` and validates it against `schema`: the data, or undefined with the problems noted. */
export async function readValid<T>(
  schema: z.ZodType<T>,
  file: string,
  problems: string[],
): Promise<T | undefined> {
  return validate(schema, await readYaml(file, problems), file, problems);
}
