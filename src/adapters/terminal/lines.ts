import { createInterface } from 'node:readline';
import type { CliIO } from '../../io.ts';

/** Reads the terminal (or a pipe) one line at a time; null at end of input. */
export interface LineReader {
  next(prompt?: string): Promise<string | null>;
  close(): void;
}

export function createLineReader(io: CliIO): LineReader {
  // terminal: false keeps readline from echoing or editing; the TTY itself echoes typed text.
  const rl = createInterface({
    input: io.stdin,
    terminal: false,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = rl[Symbol.asyncIterator]();
  const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY);
  return {
    async next(prompt) {
      if (prompt && interactive) io.stdout.write(prompt);
      const { value, done } = await iterator.next();
      return done ? null : value;
    },
    close() {
      rl.close();
    },
  };
}
