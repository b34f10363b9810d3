/**
 * `model-answer [--stage ID] [--lang en|zh]`: the model answer of a stage of the latest
 * terminal interview (the chat ends with the scorecard, so this is "after the interview" in
 * the terminal). Without --stage: the weakest scored stage.
 */
import { parseArgs } from 'node:util';
import { renderReply } from '../adapters/terminal/render.ts';
import { terminalActor } from '../adapters/terminal/index.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { describeError } from '../engine/messages.ts';
import type { Command, Lang, StageId } from '../engine/types.ts';
import { createLogger } from '../logger.ts';
import { type CliCommand, UsageError } from '../io.ts';

export const modelAnswerCommand: CliCommand = async (argv, io) => {
  let values: { stage?: string; lang?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { stage: { type: 'string' }, lang: { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`model-answer: ${(error as Error).message}`);
  }
  const config = loadConfig(io.env);
  const lang: Lang = values.lang === 'zh' ? 'zh' : values.lang === 'en' ? 'en' : config.defaultLang;
  const logger = createLogger({ level: config.logLevel, toStderr: true });
  const app = await createApp(config, { logger });
  try {
    const actor = terminalActor();
    const history = await app.engine.execute({
      actor,
      command: { kind: 'history', charts: false },
      lang,
    });
    const entries =
      history.ok && history.replies[0]?.kind === 'history'
        ? history.replies[0].history.entries
        : [];
    const latest = entries.find((e) => e.status !== 'active') ?? entries[0];
    if (!latest) {
      io.stdout.write(`${describeError({ code: 'no-session' }, lang)}\n`);
      return 1;
    }
    const command: Command = values.stage
      ? { kind: 'model-answer', stage: values.stage.toLowerCase() as StageId }
      : { kind: 'model-answer' };
    const outcome = await app.engine.execute({ actor, sessionId: latest.sessionId, command, lang });
    if (!outcome.ok) {
      io.stdout.write(`${describeError(outcome.error, outcome.lang)}\n`);
      return 1;
    }
    const color = Boolean(io.stdout.isTTY);
    for (const reply of outcome.replies) {
      io.stdout.write(`${renderReply(reply, { lang: outcome.lang, color })}\n`);
    }
    return outcome.replies.some((r) => r.kind === 'model-answer') ? 0 : 1;
  } finally {
    await app.close();
  }
};
