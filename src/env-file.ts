/**
 * `.env` the way Node users expect it: read from the working directory at start-up with Node's
 * own parser (`util.parseEnv`, the one behind `node --env-file`), the real environment winning
 * over the file. Nothing here validates: `config.ts` does, and treats empty values as unset.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { SetupError } from './setup-error.ts';

export const ENV_FILE = '.env';

export type SettingSource = 'environment' | '.env' | 'default';

export interface LoadedEnvironment {
  /** The environment with the file's values added where the environment has none. */
  env: NodeJS.ProcessEnv;
  /** The file read, or null when there is none. */
  file: string | null;
  /** The variables whose value came from the file. */
  fromFile: ReadonlySet<string>;
}

/** Reads `file` (default `./.env`) if it exists; the environment's own values win. */
export function loadEnvironment(
  environment: NodeJS.ProcessEnv = process.env,
  file: string = resolve(ENV_FILE),
): LoadedEnvironment {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      return { env: environment, file: null, fromFile: new Set() };
    }
    throw new SetupError({
      problem: `cannot read ${file} (${code ?? (error as Error).message})`,
      fix: 'make the file readable, or remove it and set the variables in your shell',
    });
  }
  const parsed = parseEnv(text) as Record<string, string>;
  const env: NodeJS.ProcessEnv = { ...environment };
  const fromFile = new Set<string>();
  for (const [name, value] of Object.entries(parsed)) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    fromFile.add(name);
  }
  return { env, file, fromFile };
}

/** Where a variable's effective value comes from (an empty value counts as unset). */
export function sourceOf(name: string, loaded: LoadedEnvironment): SettingSource {
  const value = loaded.env[name];
  if (value === undefined || value.trim() === '') return 'default';
  return loaded.fromFile.has(name) ? '.env' : 'environment';
}
