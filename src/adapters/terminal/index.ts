/**
 * The embedded default: an interview in the terminal, with the sqlite store and, without an
 * LLM, the offline interviewer and scorer (said at start-up).
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { createApp } from '../../app.ts';
import type { CliIO } from '../../io.ts';
import type { Config } from '../../config.ts';
import { msg } from '../../engine/messages.ts';
import type { InterviewEngine } from '../../engine/engine.ts';
import type { CandidateId, Command, Difficulty, Lang, Mode, Place } from '../../engine/types.ts';
import type { Logger } from '../../logger.ts';
import { serveOps } from '../../ops/serve.ts';
import { stopTerminalOnSignals } from '../../ops/terminal-stop.ts';
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

/** This computer's terminal: each OS account has its own interview here. */
export const TERMINAL: Place = { key: 'terminal', perCandidate: true };

/**
 * The interview last started in this terminal, if it is still going, or finished but waiting
 * for the candidate's own ratings before its scorecard (self-assessment): then `first` asks for
 * the next rating (the engine's `scorecard` asks again and changes nothing).
 */
export async function unfinishedHere(
  engine: InterviewEngine,
  actor: CandidateId,
): Promise<{ sessionId: string; scenarioId: string; first?: Command } | null> {
  const sessionId = await engine.sessionAt(actor, TERMINAL);
  if (!sessionId) return null;
  const outcome = await engine.execute({ actor, sessionId, command: { kind: 'status' } });
  const status = outcome.ok ? outcome.replies.find((r) => r.kind === 'status') : undefined;
  if (status?.kind !== 'status') return null;
  const { scenarioId } = status.status;
  if (status.status.status === 'active') return { sessionId, scenarioId };
  if (status.status.status !== 'finished') return null;
  const first: Command = { kind: 'scorecard' };
  const card = await engine.execute({ actor, sessionId, command: first });
  const rating = card.ok && card.replies.some((r) => r.kind === 'self-assess');
  return rating ? { sessionId, scenarioId, first } : null;
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
  const served = await serveOps(app.ops, config, logger);
  // Ctrl-C or SIGTERM: the turn in flight finishes (or is cut at the deadline); every turn is
  // saved, so then just say how to come back.
  const uninstallStop = stopTerminalOnSignals({
    gate: app.ops.gate,
    deadlineMs: config.ops.shutdownTimeoutMs,
    connections: [
      { name: 'store and LLM', stop: () => app.close() },
      ...(served.server ? [{ name: 'ops server', stop: served.server.close }] : []),
    ],
    logger,
    farewell: () => write(`\n${terminalText(options.lang).saved(options.resumeHint)}`),
  });
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
    let resumeFirst: Command | undefined;
    const unfinished =
      options.resume || options.offerResume ? await unfinishedHere(app.engine, actor) : null;
    if (options.resume) {
      if (!unfinished) {
        write(lang === 'zh' ? '没有未完成的面试。' : 'No unfinished interview to resume.');
        return 1;
      }
      resumeId = unfinished.sessionId;
      resumeFirst = unfinished.first;
    } else if (unfinished && options.offerResume) {
      const title =
        app.engine.scenario(unfinished.scenarioId)?.title[lang] ?? unfinished.scenarioId;
      const answer = await lines.next(t.resumeOffer(title));
      if (answer !== null && !/^\s*n/i.test(answer)) {
        resumeId = unfinished.sessionId;
        resumeFirst = unfinished.first;
      }
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
        resumeWith: resumeFirst,
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
        app.engine.scenarios(),
        lines,
        (s) => io.stdout.write(s),
        lang,
      );
      if (!picked) {
        io.stderr.write(`${t.noScenarioPicked}\n`);
        return 1;
      }
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
        places: [TERMINAL],
      },
      exportDir: process.cwd(),
      resumeHint: options.resumeHint,
    });
    return result === 'failed' ? 2 : 0;
  } finally {
    uninstallStop();
    lines.close();
    await served.server?.close();
    await app.close();
  }
}
