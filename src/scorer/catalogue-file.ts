/**
 * Reading one of the offline scorer's catalogues (knowledge/misconceptions.yaml,
 * definitions.yaml, dismissals.yaml, acronyms.yaml): the file is parsed and validated, and its
 * patterns compiled, with errors that name the file and the entry, so a broken catalogue is found
 * at once rather than at a candidate's answer.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';

/** The file's data, validated against `schema`; throws with the file and the first problem. */
export function readCatalogue<T>(schema: z.ZodType<T>, file: string): T {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The patterns compiled; `where` (file and entry) names an invalid one. */
export function compilePatterns(sources: readonly string[], where: string, flags = 'iu'): RegExp[] {
  return sources.map((source) => {
    try {
      return new RegExp(source, flags);
    } catch (error) {
      throw new Error(
        `${where}: invalid pattern ${JSON.stringify(source)}: ${(error as Error).message}`,
      );
    }
  });
}
