/**
 * Structured logs (pino). Bots log JSON lines to stdout as services do; the terminal chat logs to
 * stderr and only warnings by default, because stdout is the interview itself.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(options: { level?: string; toStderr?: boolean } = {}): Logger {
  const level = options.level ?? (options.toStderr ? 'warn' : 'info');
  return pino(
    { level, base: { app: 'ml-interviewer' } },
    pino.destination(options.toStderr ? 2 : 1),
  );
}
