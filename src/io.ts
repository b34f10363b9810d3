import type { Readable, Writable } from 'node:stream';
import type { LoadedEnvironment } from './env-file.ts';

/** The streams and environment a CLI command uses, passed in so tests can run commands in-process. */
export interface CliIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Where `env` came from (the real environment and `.env`), for `config`/`doctor`. */
  envFile?: LoadedEnvironment;
}

/** Every `npm run cli -- <name>` command is a module exporting this. Returns the exit code. */
export type CliCommand = (argv: string[], io: CliIO) => Promise<number>;

/** Thrown for bad arguments; the CLI prints the message and exits with 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
