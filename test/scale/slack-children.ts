/** Slack app processes (slack-process.ts) started as real child processes, for the scale tests. */
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { startScaleChild } from './child-process.ts';

const SCRIPT = fileURLToPath(new URL('./slack-process.ts', import.meta.url));

export interface SlackProcess {
  pid: number;
  port: number;
  /** Claims this process made so far, in order. */
  claims: { key: string; won: boolean }[];
  /** Resolves once this process has made a claim for `key`. */
  claimed(key: string): Promise<boolean>;
  /** Resolves once no event is being processed in this process. */
  idle(): Promise<void>;
  /** Test-only: with `false`, every Slack event claim is won without the store. */
  useClaims(on: boolean): Promise<void>;
  stop(): Promise<void>;
  stderr(): string;
}

export async function startSlackProcess(
  env: Record<string, string>,
  namespace: string,
): Promise<SlackProcess> {
  const started = startScaleChild(SCRIPT, namespace, env);
  const { child, exited, stderr } = started;
  const claims: { key: string; won: boolean }[] = [];
  const claimWaiters: { key: string; resolve(won: boolean): void }[] = [];
  const idleWaiters: (() => void)[] = [];
  const switchWaiters: (() => void)[] = [];
  let port = 0;
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => {
    ready = resolve;
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const message = JSON.parse(line) as {
      ready?: boolean;
      port?: number;
      claim?: string;
      won?: boolean;
      idle?: boolean;
      claims?: 'on' | 'off';
    };
    if (message.ready) {
      port = message.port!;
      ready();
    } else if (message.claim !== undefined) {
      claims.push({ key: message.claim, won: message.won! });
      for (const waiter of claimWaiters.filter((w) => w.key === message.claim)) {
        claimWaiters.splice(claimWaiters.indexOf(waiter), 1);
        waiter.resolve(message.won!);
      }
    } else if (message.idle) {
      idleWaiters.shift()?.();
    } else if (message.claims) {
      switchWaiters.shift()?.();
    }
  });
  void exited.then(() => ready());
  await isReady;
  if (child.exitCode !== null) throw new Error(`slack process failed to start: ${stderr()}`);

  return {
    pid: child.pid!,
    port,
    claims,
    claimed(key) {
      const made = claims.find((c) => c.key === key);
      if (made) return Promise.resolve(made.won);
      return new Promise((resolve) => claimWaiters.push({ key, resolve }));
    },
    idle() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        child.stdin!.write('idle\n');
      });
    },
    useClaims(on) {
      return new Promise((resolve) => {
        switchWaiters.push(resolve);
        child.stdin!.write(on ? 'claims on\n' : 'claims off\n');
      });
    },
    stop: started.stop,
    stderr,
  };
}
