/**
 * Starting a TypeScript script as a child node process, loaded through tsx's loader
 * (`node --import tsx`), so the child is ONE process: its pid is the process that runs our code,
 * and kill -9 on it kills exactly that (the tsx CLI would put a wrapper process in between).
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

/** The tsx loader as a file URL (resolved from this repository, whatever the cwd). */
export function tsxLoaderUrl(): string {
  return pathToFileURL(require.resolve('tsx')).href;
}

export interface TsxChildOptions extends SpawnOptions {
  /** Extra node flags, e.g. `--max-old-space-size=…`. */
  nodeFlags?: string[];
}

export function spawnTsx(
  script: string,
  args: string[],
  options: TsxChildOptions = {},
): ChildProcess {
  const { nodeFlags = [], ...spawnOptions } = options;
  return spawn(process.execPath, ['--import', tsxLoaderUrl(), ...nodeFlags, script, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...spawnOptions,
  });
}

/**
 * Run a script to completion and parse the last line it printed as JSON. Its stderr is kept
 * and shown if it fails.
 */
export async function runJsonChild<T>(
  script: string,
  args: string[],
  options: TsxChildOptions = {},
): Promise<T> {
  const child = spawnTsx(script, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  if (code !== 0 || !last) {
    throw new Error(`${script} exited with ${code}: ${stderr.trim().slice(-2000)}`);
  }
  return JSON.parse(last) as T;
}
