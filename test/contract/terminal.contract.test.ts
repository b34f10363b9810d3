/**
 * The contract on the terminal, driven in-process: each typed line goes through the terminal's
 * own parser (input.ts, which gives every line its id) and renderer (render.ts), as `chat` does,
 * with the composition root's app on the sqlite file (the mini knowledge base). A restart finds
 * the interview again as `chat --resume` does: the unfinished interview in this terminal.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pino } from 'pino';
import { lineId, parseLine } from '../../src/adapters/terminal/input.ts';
import { renderReply } from '../../src/adapters/terminal/render.ts';
import { TERMINAL, unfinishedHere } from '../../src/adapters/terminal/index.ts';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { describeError } from '../../src/engine/messages.ts';
import type { Command, Outcome } from '../../src/engine/types.ts';
import { adapterContract } from './contract.ts';

const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../fixtures/knowledge-mini');

adapterContract('terminal', async (env) => {
  const config = loadConfig({ KNOWLEDGE_DIR, ...env });
  const openApp = () => createApp(config, { logger: pino({ level: 'silent' }) });
  let app = await openApp();
  const actor = 'terminal:contract';
  let sessionId = `terminal:${randomUUID()}`;
  /** The last command typed, as the engine received it (an answer keeps its line id). */
  let last: Command | null = null;
  const shown = (outcome: Outcome) =>
    outcome.ok
      ? outcome.replies.map((r) => renderReply(r, { lang: outcome.lang, color: false })).join('\n')
      : describeError(outcome.error, outcome.lang);
  const run = async (command: Command, as = actor) =>
    shown(await app.engine.execute({ actor: as, sessionId, command }));
  const line = async (text: string) => {
    const input = parseLine(text, lineId());
    if (input.kind !== 'command') throw new Error(`not a command line: ${text}`);
    last = input.command;
    return run(input.command);
  };
  return {
    start: () => run({ kind: 'start', scenarioId: 'mini-recsys', lang: 'en', places: [TERMINAL] }),
    say: line,
    act: (action) => line(`/${action}`),
    strangerHint: () => run({ kind: 'hint' }, 'terminal:stranger'),
    // The same typed line (same line id) reaching the engine a second time.
    redeliverLast: () => run(last!),
    async restart() {
      await app.close();
      app = await openApp();
      const found = await unfinishedHere(app.engine, actor);
      if (!found) throw new Error('no unfinished interview in this terminal after the restart');
      sessionId = found.sessionId;
    },
    close: () => app.close(),
  };
});
