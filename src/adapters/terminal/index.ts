/**
 * The embedded default: an interview in the terminal, with the sqlite store and, without an
 * LLM, the offline interviewer and scorer (said at start-up).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { createApp } from '../../app.ts';
import type { CliIO } from '../../cli/io.ts';
import type { Config } from '../../config.ts';
import { msg } from '../../engine/messages.ts';
import type { Command, Difficulty, Lang, Mode } from '../../engine/types.ts';
import type { Logger } from '../../logger.ts';
import { type DrillRequest, drillStart } from './drill.ts';
import { createLineReader } from './lines.ts';
import { pickScenario } from './picker.ts';
import { runTerminalInterview } from './session.ts';
import { terminalText } from './text.ts';

export interface TerminalOptions {
  scenarioId?: string;
  mode?: Mode;
  lang: Lang;
  difficulty?: Difficulty;
  /** Continue the last unfinished interview. */
  resume: boolean;
  /** Ask whether to resume an unfinished interview (interactive `npm start`). */
  offerResume: boolean;
  resumeHint: string;
  /** Start a drill (one stage) or the review that is due instead of an interview. */
  drill?: DrillRequest;
}

/** The terminal user's candidate id: one person per OS account. */
export function terminalActor(): string {
  let name = 'local';
  try {
    name = os.userInfo().username || name;
  } catch {
    // Some containers have no passwd entry for the uid; one local candidate is fine.
  }
  return `terminal:${name}`;
}

export async function runTerminal(
  config: Config,
  io: CliIO,
  logger: Logger,
  options: TerminalOptions,
): Promise<number> {
  const app = await createApp(config, { logger });
  const lines = createLineReader(io);
  const write = (text: string) => io.stdout.write(`${text}\n`);
  // Ctrl-C: every turn is already saved, so just say how to come back.
  const onInterrupt = () => {
    write(`\n${terminalText(options.lang).saved(options.resumeHint)}`);
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    const lang = options.lang;
    const t = terminalText(lang);
    // app.describe is English (it also goes to logs); in Chinese, name the kinds in Chinese.
    const component = (kind: 'offline' | 'llm', english: string, model: string | undefined) =>
      lang === 'en' ? english : `${msg(lang).scorers[kind]}${kind === 'llm' ? ` (${model})` : ''}`;
    write(
      t.banner(
        app.describe.store,
        component(app.interviewerKind, app.describe.interviewer, config.llm.endpoint?.model),
        component(app.scorerKind, app.describe.scorer, config.llm.judge?.model),
      ),
    );
    if (app.scorerKind === 'offline' && !config.llm.judge) write(t.offline);

    const actor = terminalActor();
    let resumeId: string | null = null;
    const unfinished =
      options.resume || options.offerResume ? await app.lastUnfinished(actor) : null;
    if (options.resume) {
      if (!unfinished) {
        write(lang === 'zh' ? '没有未完成的面试。' : 'No unfinished interview to resume.');
        return 1;
      }
      resumeId = unfinished.sessionId;
    } else if (unfinished && options.offerResume) {
      const title =
        app.knowledge.scenarios.get(unfinished.scenarioId)?.title[lang] ?? unfinished.scenarioId;
      const answer = await lines.next(t.resumeOffer(title));
      if (answer !== null && !/^\s*n/i.test(answer)) resumeId = unfinished.sessionId;
    }

    if (resumeId) {
      const result = await runTerminalInterview({
        engine: app.engine,
        io,
        lines,
        actor,
        sessionId: resumeId,
        lang,
        exportDir: process.cwd(),
        resumeHint: options.resumeHint,
      });
      return result === 'failed' ? 1 : 0;
    }

    let drillCommand: Extract<Command, { kind: 'start' }> | undefined;
    if (options.drill) {
      const planned = await drillStart(app.engine, actor, options.drill, lang);
      if (!planned.ok) {
        write(planned.text);
        return 1;
      }
      drillCommand = planned.start;
    }
    let scenarioId = drillCommand?.scenarioId ?? options.scenarioId;
    if (!scenarioId) {
      const picked = await pickScenario(
        [...app.knowledge.scenarios.values()],
        lines,
        (s) => io.stdout.write(s),
        lang,
      );
      if (!picked) return 1;
      scenarioId = picked.id;
    }
    const result = await runTerminalInterview({
      engine: app.engine,
      io,
      lines,
      actor,
      sessionId: `terminal:${randomUUID()}`,
      lang,
      start: drillCommand ?? {
        kind: 'start',
        scenarioId,
        mode: options.mode,
        lang,
        difficulty: options.difficulty,
      },
      exportDir: process.cwd(),
      resumeHint: options.resumeHint,
    });
    return result === 'failed' ? 2 : 0;
  } finally {
    process.off('SIGINT', onInterrupt);
    lines.close();
    await app.close();
  }
}
