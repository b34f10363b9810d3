/**
 * The interview engine: turns an `EngineRequest` into an `Outcome`. Platform-free and LLM-free;
 * adapters build requests and render replies, ports (deps.ts) reach the outside world.
 *
 * Every session command follows one fixed order:
 *   dedupe (by messageId: store.claimOnce, then whether the session holds a turn with that
 *   id, so a delivery that died before storing the message is not lost) → session lock → load →
 *   who may act / state →
 *   usage guard (commands that may call the LLM) → complete a turn a crash left pending →
 *   the command's handler (which saves the candidate's message before any LLM work, then the
 *   result) → replies.
 * A version conflict on save (another process wrote the session) reloads and runs the command
 * again, a bounded number of times; the candidate's message keeps its id across attempts, so
 * it is stored once. Expected failures come back as `Outcome` errors; anything unexpected is
 * logged and returned as `internal`, with whatever was already saved shown (and, if the
 * candidate's message itself could not be saved, a plain request to send it again).
 *
 * A message that arrives while a turn for the same interview runs waits for the session lock
 * (the lock queues waiters) and is then processed in arrival order; it is never dropped. Only
 * if the wait exceeds the lock's limit does the candidate get `busy` ("send it again").
 */
import type { Scenario } from '../knowledge/schema.ts';
import { type SessionCommandKind, SESSION_COMMANDS } from './commands/index.ts';
import type { SessionCommandHandler } from './commands/handler.ts';
import { runForget } from './commands/forget.ts';
import { runHistory } from './commands/history.ts';
import { withCharts } from './chart-files.ts';
import { runCandidateSetting } from './commands/candidate-setting.ts';
import { type DrillPlan, planDrill } from './drill-plan.ts';
import { claimDueReminders, type DueReminder } from './reminders.ts';
import { runStart } from './commands/start.ts';
import { type EngineDeps, resolveDeps, type Services } from './deps.ts';
import { LlmOutageNotices } from './llm-notices.ts';
import { describeError } from './messages.ts';
import { type Admission, LockBusyError, type TurnReport } from './ports.ts';
import { completePending } from './respond.ts';
import { searchScenarios, unknownScenarioError } from './scenario-search.ts';
import { SessionTurn, VersionConflictError } from './session-turn.ts';
import { emptyUsage } from './usage.ts';
import { placeIndexKey } from './places.ts';
import type {
  CandidateId,
  EngineError,
  EngineRequest,
  Lang,
  Outcome,
  Place,
  Session,
} from './types.ts';

export type { EngineDeps } from './deps.ts';
export type { DrillPlan } from './drill-plan.ts';

/** How long a platform message id is remembered, so a redelivery is processed once. */
export const DEDUPE_TTL_MS = 24 * 60 * 60 * 1000;
/** Attempts at a command when saves keep hitting version conflicts. */
export const MAX_ATTEMPTS = 4;

function failure(lang: Lang, error: EngineError): Outcome {
  return { ok: false, lang, error };
}

/** `resend`: the candidate's message was not saved, so they are asked to send it again. */
function internalError(resend: boolean): EngineError {
  return resend ? { code: 'internal', params: { resend: 1 } } : { code: 'internal' };
}

export class InterviewEngine {
  private readonly services: Services;
  private readonly outages: LlmOutageNotices;

  constructor(deps: EngineDeps) {
    this.services = resolveDeps(deps);
    const { llmHealth, clock } = this.services;
    this.outages = new LlmOutageNotices(llmHealth, () => clock.now());
  }

  /** All scenarios, sorted by id. */
  scenarios(): Scenario[] {
    return [...this.services.knowledge.scenarios.values()];
  }

  scenario(id: string): Scenario | null {
    return this.services.knowledge.scenarios.get(id) ?? null;
  }

  /**
   * The error `start` would give for this scenario id (with suggestions), or null if it exists:
   * for adapters that must create a thread before starting and want to check first.
   */
  scenarioError(id: string): EngineError | null {
    return this.scenario(id) ? null : unknownScenarioError(this.scenarios(), id);
  }

  /** Scenarios matching what was typed (id, title, tags), for autocomplete; at most `limit`. */
  findScenarios(query: string, lang: Lang, limit = 25): Scenario[] {
    return searchScenarios(this.scenarios(), query, lang, limit);
  }

  /**
   * Which interview is at `place` for `actor`: the newest started there (see `Place`). One
   * read of the store's place index, never a scan of sessions; null when none was started
   * there. The interview may be finished (a scorecard is still asked for in its thread).
   */
  async sessionAt(actor: CandidateId, place: Place): Promise<string | null> {
    return this.services.store.sessionAtPlace(placeIndexKey(actor, place));
  }

  /**
   * Whether the session is someone else's interview: true only when it exists and another
   * candidate owns it. Adapters ask before downloading files sent to a thread, so a stranger's
   * upload is never fetched (the engine refuses the message anyway). False when the store
   * cannot tell: the turn itself then reports the store's failure.
   */
  async isSomeoneElses(sessionId: string, actor: CandidateId): Promise<boolean> {
    try {
      const session = await this.services.store.get(sessionId);
      return session !== null && session.candidateId !== actor;
    } catch {
      return false;
    }
  }

  /**
   * Claims a one-time platform event (a button press, a delivery) across every process that
   * shares the store: true the first time `key` is claimed within `ttlMs`.
   */
  claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return this.services.store.claimOnce(`event:${key}`, ttlMs);
  }

  /**
   * The stage and scenario of a drill for `actor`: the stage asked for, else (`due`) the one
   * most overdue on their review schedule, else their weakest. The adapter then starts it with
   * a `start` command carrying `drill`, where it starts any interview (a new thread).
   */
  async planDrill(
    actor: CandidateId,
    options: { stage?: string; due?: boolean; lang?: Lang } = {},
  ): Promise<DrillPlan> {
    try {
      return await planDrill(this.services, actor, options);
    } catch (error) {
      this.services.logger.error({ err: error, actor }, 'drill planning failed');
      return { ok: false, lang: options.lang ?? 'en', error: { code: 'internal' } };
    }
  }

  /**
   * Practice reminders due now for the candidates `handles` accepts, each claimed once across
   * processes: the caller sends every one it gets (see src/practice/reminder-loop.ts).
   */
  async claimDueReminders(handles: (candidateId: CandidateId) => boolean): Promise<DueReminder[]> {
    return claimDueReminders(this.services, handles);
  }

  /** The candidate index (history, scores, schedule, reminders), for the reminder sweep. */
  get candidateIndex(): Services['candidateIndex'] {
    return this.services.candidateIndex;
  }

  async execute(request: EngineRequest): Promise<Outcome> {
    const lang = request.lang ?? 'en';
    const { kind } = request.command;
    const usesLlm =
      kind === 'start' ||
      (kind !== 'history' &&
        kind !== 'forget' &&
        kind !== 'reminders' &&
        kind !== 'self-assess-setting' &&
        SESSION_COMMANDS[kind].usesLlm === true);
    const entry = this.services.turnGate.enter(request, usesLlm);
    if (!entry.ok) return failure(await this.languageOf(request, entry.error), entry.error);
    const report: TurnReport = {
      command: kind,
      sessionId: request.sessionId ?? null,
      stage: null,
      move: null,
      tokens: emptyUsage(),
    };
    // A cut turn keeps running in the background (its state is saved as it goes); the
    // candidate is told now rather than when it ends.
    const outcome = await entry.review(
      await Promise.race([
        // Charts are drawn after the turn, outside the session's lock.
        this.run(request, report).then((done) => withCharts(this.services, request, done)),
        entry.cut.then((error) => failure(lang, error)),
      ]),
    );
    entry.finish(outcome, report);
    return outcome;
  }

  /**
   * The language to refuse in: the session's, when there is one and the store answers (a
   * refusal for a lost store does not ask it), else what the adapter guessed.
   */
  private async languageOf(request: EngineRequest, error: EngineError): Promise<Lang> {
    const guess = request.lang ?? 'en';
    if (!request.sessionId || error.code === 'store-down') return guess;
    try {
      return (await this.services.store.get(request.sessionId))?.lang ?? guess;
    } catch {
      return guess;
    }
  }

  private async run(request: EngineRequest, report: TurnReport): Promise<Outcome> {
    const lang = request.lang ?? 'en';
    try {
      const { command } = request;
      if (command.kind === 'start') return await runStart(this.services, request, command);
      if (command.kind === 'history') return await runHistory(this.services, request);
      if (command.kind === 'forget') return await runForget(this.services, request, command);
      if (command.kind === 'reminders' || command.kind === 'self-assess-setting')
        return await runCandidateSetting(this.services, request, command);
      return await this.sessionCommand(request, command.kind, report);
    } catch (error) {
      if (error instanceof LockBusyError) return failure(lang, { code: 'busy' });
      // Failures here come before anything is saved: an answer must be sent again.
      const resend = request.command.kind === 'answer';
      this.services.logger.error(
        {
          err: error,
          actor: request.actor,
          sessionId: request.sessionId,
          command: request.command.kind,
        },
        'engine command failed',
      );
      return failure(lang, internalError(resend));
    }
  }

  private async sessionCommand(
    request: EngineRequest,
    kind: SessionCommandKind,
    report: TurnReport,
  ): Promise<Outcome> {
    const { store, lock } = this.services;
    const lang = request.lang ?? 'en';
    const sessionId = request.sessionId ?? (await store.lastActive(request.actor));
    if (!sessionId) return failure(lang, { code: 'no-session' });
    report.sessionId = sessionId;

    const { command } = request;
    // A message id seen before: a redelivery, or a retry after the first delivery died (crash,
    // lost lock) before the message was stored. Which one, only the session can tell.
    const seenBefore =
      command.kind === 'answer' && command.messageId !== undefined && command.messageId !== ''
        ? !(await store.claimOnce(`message:${command.messageId}`, DEDUPE_TTL_MS))
        : false;
    return lock.withLock(`session:${sessionId}`, () =>
      this.runLocked(request, kind, sessionId, seenBefore, report),
    );
  }

  private async runLocked(
    request: EngineRequest,
    kind: SessionCommandKind,
    sessionId: string,
    seenBefore: boolean,
    report: TurnReport,
  ): Promise<Outcome> {
    const { store, guard, logger, knowledge } = this.services;
    const handler = SESSION_COMMANDS[kind];
    const spent = report.tokens;
    const { command } = request;
    // A platform message keeps its id as the turn's id, so a redelivery can find it stored.
    const requestTurnId =
      command.kind === 'answer' && command.messageId
        ? `message:${command.messageId}`
        : this.services.newId();
    let admitted = false;
    let lastTurn: SessionTurn | null = null;
    /** Whether an earlier attempt already stored the candidate's message. */
    let savedEarlier = false;
    let lang: Lang = request.lang ?? 'en';

    try {
      for (let attempt = 1; ; attempt++) {
        const session = await store.get(sessionId);
        if (!session) return failure(lang, { code: 'no-session' });
        // A redelivery of a message already stored: nothing to do, nothing to show.
        if (seenBefore && session.turns.some((t) => t.id === requestTurnId)) {
          return { ok: true, sessionId, lang, replies: [] };
        }
        const refused = precheck(session, handler, request);
        // A stranger is answered in their own language when the adapter knows it.
        lang = refused?.code === 'not-your-session' ? (request.lang ?? session.lang) : session.lang;
        if (refused) return failure(lang, refused);

        const completes = handler.completesPending && session.pending !== undefined;
        if ((handler.usesLlm || completes) && !admitted) {
          const admission = await guard.admit(request.actor, request.tenant);
          if (!admission.ok) return failure(lang, admissionError(admission));
          admitted = true;
        }

        const scenario = knowledge.scenarios.get(session.scenarioId);
        if (!scenario)
          throw new Error(
            `session ${session.id}: scenario "${session.scenarioId}" is not in the knowledge base`,
          );
        const turn = new SessionTurn(this.services, session, scenario, spent, requestTurnId);
        lastTurn = turn;
        try {
          if (completes) await completePending(turn);
          await handler.run(turn, request.command);
          const llmNotice = handler.usesLlm ? this.outages.afterTurn(sessionId, lang) : null;
          if (llmNotice) turn.note(llmNotice, 'warning');
          return { ok: true, sessionId, lang, replies: turn.replies };
        } catch (error) {
          savedEarlier ||= turn.requestMessageSaved;
          if (!(error instanceof VersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
          logger.warn({ sessionId, command: kind, attempt }, 'version conflict, reloading');
        }
      }
    } catch (error) {
      const messageSaved = savedEarlier || (lastTurn?.requestMessageSaved ?? false);
      if (error instanceof VersionConflictError) {
        logger.warn({ sessionId, command: kind }, 'version conflicts persisted, giving up');
        // "busy" asks to send again, which is only right if the message is not stored yet.
        if (!messageSaved) return failure(lang, { code: 'busy' });
      }
      logger.error({ err: error, sessionId, command: kind }, 'engine command failed');
      const resend = kind === 'answer' && !messageSaved;
      return this.afterInternalError(lastTurn, sessionId, lang, resend);
    } finally {
      if (lastTurn) {
        report.stage = lastTurn.session.plan[lastTurn.session.stageIndex] ?? null;
        report.move =
          lastTurn.session.turns.findLast((t) => t.role === 'interviewer')?.kind ?? null;
      }
      if (spent.requests > 0) await this.recordUsage(request, spent, sessionId);
    }
  }

  /**
   * After an unexpected error, show what was already saved (so no reply the state holds goes
   * unseen) followed by the plain "something went wrong" note; with nothing saved, `internal`.
   */
  private afterInternalError(
    turn: SessionTurn | null,
    sessionId: string,
    lang: Lang,
    resend: boolean,
  ): Outcome {
    const saved = turn?.savedReplies() ?? [];
    if (saved.length === 0) return failure(lang, internalError(resend));
    const warning = describeError(internalError(resend), lang);
    return {
      ok: true,
      sessionId,
      lang,
      replies: [
        ...saved,
        { kind: 'message', from: 'system', tone: 'warning', text: warning, actions: [] },
      ],
    };
  }

  private async recordUsage(
    request: EngineRequest,
    spent: Session['usage'],
    sessionId: string,
  ): Promise<void> {
    try {
      await this.services.guard.record(request.actor, spent, request.tenant);
    } catch (error) {
      this.services.logger.warn({ err: error, sessionId }, 'could not record token usage');
    }
  }
}

/** Who may act, whether the command fits the session's state, whether it is well formed. */
function precheck(
  session: Session,
  handler: SessionCommandHandler,
  request: EngineRequest,
): EngineError | null {
  if (session.candidateId !== request.actor) return { code: 'not-your-session' };
  if (!handler.allowedIn.includes(session.status)) return { code: 'session-over' };
  return handler.validate?.(request.command) ?? null;
}

function admissionError(admission: Extract<Admission, { ok: false }>): EngineError {
  // `scope` tells the wording whose budget it is (the team's is shared by everyone in it).
  const scope = admission.scope ?? 'user';
  return admission.code === 'rate-limited'
    ? {
        code: 'rate-limited',
        params: {
          retryAfterSeconds: Math.max(1, Math.ceil(admission.retryAfterMs / 1000)),
          scope,
        },
      }
    : {
        code: 'budget-exhausted',
        params: {
          retryAfterMinutes: Math.max(1, Math.ceil(admission.retryAfterMs / 60_000)),
          scope,
        },
      };
}
