/**
 * The contract on the terminal, driven in-process: each typed line goes through the terminal's
 * own parser (input.ts) and renderer (render.ts), as `chat` does, with the composition root's
 * app (memory store, offline interviewer and scorer, the mini knowledge base).
 */
import path from 'node:path';
import { pino } from 'pino';
import { parseLine } from '../../src/adapters/terminal/input.ts';
import { renderReply } from '../../src/adapters/terminal/render.ts';
import { TERMINAL } from '../../src/adapters/terminal/index.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { describeError } from '../../src/engine/messages.ts';
import type { Command, Outcome } from '../../src/engine/types.ts';
import { adapterContract } from './contract.ts';

const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../fixtures/knowledge-mini');

adapterContract('terminal', async () => {
  const config = loadConfig({ KNOWLEDGE_DIR });
  const app = await createApp(config, { logger: pino({ level: 'silent' }), memoryStore: true });
  const actor = 'terminal:contract';
  const sessionId = 'terminal:contract-session';
  const shown = (outcome: Outcome) =>
    outcome.ok
      ? outcome.replies.map((r) => renderReply(r, { lang: outcome.lang, color: false })).join('\n')
      : describeError(outcome.error, outcome.lang);
  const run = async (command: Command, as = actor) =>
    shown(await app.engine.execute({ actor: as, sessionId, command }));
  const line = async (text: string) => {
    const input = parseLine(text);
    if (input.kind !== 'command') throw new Error(`not a command line: ${text}`);
    return run(input.command);
  };
  return {
    start: () => run({ kind: 'start', scenarioId: 'mini-recsys', lang: 'en', places: [TERMINAL] }),
    say: line,
    act: (action) => line(`/${action}`),
    strangerHint: () => run({ kind: 'hint' }, 'terminal:stranger'),
    // A terminal line has no transport that retries it: there is nothing to deliver twice.
    redeliverLast: async () => '',
    close: () => app.close(),
  };
});
