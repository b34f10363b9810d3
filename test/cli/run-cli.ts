/** Helpers to run the CLI as a real child process (`node --import tsx src/cli.ts …`). */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The environment of a CLI child: no LLM, no platform tokens, its own sqlite file. */
export function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', NO_COLOR: '1' };
  for (const name of [
    'OPENAI_API_KEY',
    'OPENAI_BASE_URL',
    'DISCORD_TOKEN',
    'SLACK_BOT_TOKEN',
    'SLACK_APP_TOKEN',
    'SLACK_SIGNING_SECRET',
    'REDIS_URL',
    'DATABASE_PATH',
    'DATABASE_URL',
    'INTERVIEW_LANG',
  ]) {
    // Empty rather than absent: an empty value counts as unset and, being in the environment,
    // wins over a developer's own .env in the repository folder.
    env[name] = '';
  }
  return { ...env, ...extra };
}

export function startCli(args: string[], env: NodeJS.ProcessEnv): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, env });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `input` piped to stdin and waits for it to exit. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Resolves once the child's stdout contains `text` (or rejects if it exits first). */
export function waitForOutput(
  child: ChildProcessWithoutNullStreams,
  text: string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (d: Buffer) => {
      seen += d.toString('utf8');
      if (seen.includes(text)) {
        child.stdout.off('data', onData);
        resolve(seen);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', () =>
      reject(new Error(`exited before printing "${text}"; output:\n${seen}`)),
    );
  });
}

/** Runs `npm start`'s entry point (src/main.ts) with stdin closed; `elapsedMs` for the figures. */
export function runMain(
  env: NodeJS.ProcessEnv,
  options: { cwd?: string } = {},
): Promise<CliResult & { elapsedMs: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', TSX_LOADER, path.join(ROOT, 'src/main.ts')],
      {
        cwd: options.cwd ?? ROOT,
        env,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, elapsedMs: Date.now() - started }));
    child.stdin.end('');
  });
}

/** tsx's loader by absolute URL, so a child can run from any working directory. */
export const TSX_LOADER = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** Runs the CLI from another working directory (e.g. one holding a `.env`). */
export function runCliIn(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  input = '',
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', TSX_LOADER, path.join(ROOT, 'src/cli.ts'), ...args],
      { cwd, env },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
