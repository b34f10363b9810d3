/**
 * Stopping clean on SIGTERM/SIGINT (close-with-grace installs the handlers, exits when the
 * close is done, and exits anyway if it overruns; a second signal exits at once):
 *   1. stop taking turns (new ones are refused with "restarting", /readyz says 503);
 *   2. let the turns in flight finish, until the deadline less a short grace;
 *   3. cut those still running: each candidate is told on their own surface to send again;
 *   4. stop the adapters (Slack HTTP server, Discord gateway) once those messages are out;
 *   5. close the store and LLM connections and the ops server; exit.
 * Every step is bounded, so a store that is down cannot hold the exit.
 */
import closeWithGrace from 'close-with-grace';
import type { EngineLogger } from '../engine/ports.ts';
import type { ProcessTurnGate } from './turn-gate.ts';

export interface Closable {
  name: string;
  stop(): Promise<void>;
}

export interface ShutdownPlan {
  gate: ProcessTurnGate;
  /** SHUTDOWN_TIMEOUT_MS. */
  deadlineMs: number;
  /** Stopped after the turns: they must still post the replies and "send again" notes. */
  adapters: Closable[];
  /** Stopped last: store, LLM, ops server. */
  connections: Closable[];
  logger: EngineLogger;
}

/** The share of the deadline kept for posting the cut notes and closing connections. */
export function graceMs(deadlineMs: number): number {
  return Math.min(2_000, Math.floor(deadlineMs / 4));
}

export async function shutDown(plan: ShutdownPlan, reason: string): Promise<void> {
  const { gate, deadlineMs, logger } = plan;
  const grace = graceMs(deadlineMs);
  logger.info({ reason, inFlight: gate.inFlight, deadlineMs }, 'shutting down');
  const turns = await gate.drain(deadlineMs - grace);
  logger.info(turns, 'turns finished or cut');
  await stopAll(plan.adapters, grace / 2, logger);
  await stopAll(plan.connections, grace / 2, logger);
  logger.info({}, 'stopped');
}

async function stopAll(parts: Closable[], withinMs: number, logger: EngineLogger): Promise<void> {
  await Promise.all(
    parts.map(async (part) => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), withinMs);
      });
      const result = await Promise.race([part.stop().then(() => 'ok' as const), late]).catch(
        (error: unknown) => {
          logger.warn({ err: error, part: part.name }, 'could not close cleanly');
          return 'failed' as const;
        },
      );
      clearTimeout(timer);
      if (result === 'late') logger.warn({ part: part.name }, 'did not close in time; leaving it');
    }),
  );
}

/**
 * Run `shutDown(plan())` on SIGTERM/SIGINT (and the other termination signals), then exit 0;
 * exit 1 if it overruns the deadline by a second. Returns a function that removes the handlers.
 */
export function exitOnSignals(plan: () => ShutdownPlan): () => void {
  const { deadlineMs, logger } = plan();
  const handle = closeWithGrace(
    {
      // The hard stop, leaving half a second of the promised deadline + 1 s to exit itself.
      delay: deadlineMs + 500,
      logger: { error: (message: unknown) => logger.error({ message }, 'shutdown') },
      // Crashes keep their own handling (main.ts prints them and exits with a code).
      skip: ['uncaughtException', 'unhandledRejection', 'beforeExit'],
    },
    async ({ signal }) => {
      await shutDown(plan(), signal ?? 'manual');
    },
  );
  return () => handle.uninstall();
}
