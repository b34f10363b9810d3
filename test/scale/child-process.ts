/**
 * A child process the scale tests drive over stdin/stdout (driver.ts, slack-process.ts): started
 * through tsx with the scale tests' environment (child-env.ts), its stderr kept for failure
 * messages, and stopped the way both drivers expect (stdin closed, SIGTERM after 5 s).
 */
import type { ChildProcess } from 'node:child_process';
import { spawnTsx } from '../../bench/support/tsx-child.ts';
import { childEnv } from './child-env.ts';

export interface ScaleChild {
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
  stderr(): string;
  /** Close stdin (the driver's cue to stop), SIGTERM if it is still running after 5 s. */
  stop(): Promise<void>;
}

export function startScaleChild(
  script: string,
  namespace: string,
  env: Record<string, string>,
): ScaleChild {
  const child = spawnTsx(script, [namespace], { env: childEnv(env) });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    exited,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGTERM'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
