/**
 * Helpers for the scale tests: bot processes (driver.ts) started as real child processes, and
 * a few ways to wait for things without asserting on durations.
 */
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { startScaleChild } from './child-process.ts';
import type { EngineRequest, Outcome } from '../../src/engine/types.ts';

const DRIVER = fileURLToPath(new URL('./driver.ts', import.meta.url));

export interface BotProcess {
  pid: number;
  /** Send a request; resolves with its outcome (rejects if the process dies first). */
  execute(request: EngineRequest): Promise<Outcome>;
  /** kill -9. Resolves once the process is gone. */
  kill9(): Promise<void>;
  /** Stop it cleanly (stdin closed, then SIGTERM if needed). */
  stop(): Promise<void>;
  stderr(): string;
}

/**
 * Start a bot process with `env` added to this process's environment (minus anything that
 * would pick another store or LLM by accident).
 */
export async function startBot(
  env: Record<string, string>,
  namespace: string,
): Promise<BotProcess> {
  const started = startScaleChild(DRIVER, namespace, env);
  const { child, exited, stderr } = started;

  const waiting = new Map<number, { resolve(o: Outcome): void; reject(e: Error): void }>();
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const message = JSON.parse(line) as {
      ready?: boolean;
      id?: number;
      outcome?: Outcome;
      error?: string;
    };
    if (message.ready) return ready();
    const entry = waiting.get(message.id!);
    if (!entry) return;
    waiting.delete(message.id!);
    if (message.outcome) entry.resolve(message.outcome);
    else entry.reject(new Error(message.error ?? 'no outcome'));
  });
  void exited.then(() => {
    for (const entry of waiting.values()) entry.reject(new Error(`bot ${child.pid} exited`));
    waiting.clear();
    ready();
  });
  await isReady;
  if (child.exitCode !== null) throw new Error(`bot process failed to start: ${stderr()}`);

  let nextId = 1;
  return {
    pid: child.pid!,
    execute(request) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        child.stdin!.write(`${JSON.stringify({ id, request })}\n`);
      });
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: started.stop,
    stderr,
  };
}

/** Poll `check` until it returns true (the test's own timeout bounds the wait). */
export async function until(check: () => boolean | Promise<boolean>, everyMs = 20): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, everyMs));
}

export function ok(outcome: Outcome): Extract<Outcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`engine refused: ${outcome.error.code}`);
  return outcome;
}
