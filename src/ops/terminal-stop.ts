/**
 * The terminal stops like the bots: on SIGINT (Ctrl-C) or SIGTERM it takes no new turn, lets
 * the turn in flight finish (or cuts it at the deadline, which prints "send it again"), says how
 * to resume, closes the store and exits 130 / 143. A second signal exits at once.
 */
import type { EngineLogger } from '../engine/ports.ts';
import { type Closable, shutDown } from './shutdown.ts';
import type { ProcessTurnGate } from './turn-gate.ts';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

export function stopTerminalOnSignals(options: {
  gate: ProcessTurnGate;
  deadlineMs: number;
  connections: Closable[];
  logger: EngineLogger;
  /** Printed once the turn in flight has shown its outcome. */
  farewell: () => void;
  exit?: (code: number) => void;
}): () => void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: keyof typeof EXIT_CODES) => {
    if (stopping) {
      exit(EXIT_CODES[signal]);
      return;
    }
    stopping = true;
    // The hard stop, in case closing hangs (deadline + 1 s is what a supervisor is promised).
    setTimeout(() => exit(EXIT_CODES[signal]), options.deadlineMs + 500).unref();
    void (async () => {
      await shutDown(
        {
          gate: options.gate,
          deadlineMs: options.deadlineMs,
          // The outcome of the cut turn is printed by the interview loop: let it run first.
          adapters: [{ name: 'terminal', stop: () => new Promise((r) => setImmediate(r)) }],
          connections: options.connections,
          logger: options.logger,
        },
        signal,
      );
      options.farewell();
      exit(EXIT_CODES[signal]);
    })();
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  return () => {
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  };
}
