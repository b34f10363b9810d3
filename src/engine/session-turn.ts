/**
 * One attempt at running one command against one loaded session: the working copy of the
 * session, the replies gathered so far, and the small operations every command handler shares
 * (add a turn, say something, build the interviewer's context, save with a version check).
 */
import { mistakesFor, stageById } from '../knowledge/knowledge.ts';
import type { Framework, Scenario, Stage } from '../knowledge/schema.ts';
import { capCandidateTurns } from './answer-text.ts';
import { foldSession, indexDigest } from './candidate-index.ts';
import { candidateIndex } from './candidate-index-read.ts';
import { addUsage } from './usage.ts';
import type { Services } from './deps.ts';
import type { InterviewerContext } from './ports.ts';
import {
  ACTIONS,
  type Action,
  type Lang,
  type Reply,
  type Session,
  type StageProgress,
  type TokenUsage,
  type Turn,
  type TurnKind,
} from './types.ts';

/** Another writer saved the session since it was loaded; the engine reloads and retries. */
export class VersionConflictError extends Error {
  constructor(sessionId: string) {
    super(`version conflict on session ${sessionId}`);
    this.name = 'VersionConflictError';
  }
}

export class SessionTurn {
  readonly replies: Reply[] = [];
  /** Set when this attempt completed the request's own message left pending by an earlier one. */
  completedOwnPending = false;
  /** Set once the candidate's message of this request is in the store (answer commands). */
  requestMessageSaved = false;
  /** How many of `replies` were already backed by a successful save. */
  private savedReplyCount = 0;
  /** The session's index digest when loaded (a new session has none). */
  private indexedDigest: string;

  constructor(
    readonly services: Services,
    /** The working copy; handlers mutate it, then `save()`. */
    readonly session: Session,
    readonly scenario: Scenario,
    /** Tokens spent by this request across all its attempts (for the usage guard). */
    readonly spent: TokenUsage,
    /** The id this request gives the candidate's message, stable across retries. */
    readonly requestTurnId: string,
  ) {
    this.indexedDigest = session.version === 0 ? '' : indexDigest(session);
  }

  get lang(): Lang {
    return this.session.lang;
  }

  get framework(): Framework {
    return this.services.knowledge.framework;
  }

  now(): number {
    return this.services.clock.now();
  }

  stage(index = this.session.stageIndex): Stage {
    return stageById(this.framework, this.session.plan[index]!);
  }

  progress(index = this.session.stageIndex): StageProgress {
    return this.session.stages[index]!;
  }

  isLastStage(): boolean {
    return this.session.stageIndex >= this.session.plan.length - 1;
  }

  /** The turns of the stage at `index`, oldest first (stage ids are unique within a plan). */
  stageTurns(index = this.session.stageIndex): Turn[] {
    const stage = this.session.plan[index];
    return this.session.turns.filter((t) => t.stage === stage);
  }

  /** `messageId`: the platform's id for the candidate's message, kept for replay links. */
  addTurn(role: Turn['role'], kind: TurnKind, text: string, id?: string, messageId?: string): Turn {
    const turn: Turn = {
      id: id ?? this.services.newId(),
      at: this.now(),
      stage: this.session.plan[this.session.stageIndex]!,
      role,
      kind,
      text,
      ...(messageId ? { messageId } : {}),
    };
    this.session.turns.push(turn);
    return turn;
  }

  /** The buttons under an interviewer message: none once the interview is over. */
  actions(): Action[] {
    return this.session.status === 'active' ? [...ACTIONS] : [];
  }

  say(
    text: string,
    options: { from?: 'interviewer' | 'system'; tone?: 'normal' | 'info' | 'warning' } = {},
  ): void {
    const from = options.from ?? 'interviewer';
    this.replies.push({
      kind: 'message',
      from,
      tone: options.tone ?? (from === 'system' ? 'info' : 'normal'),
      text,
      actions: from === 'interviewer' ? this.actions() : [],
    });
  }

  /** A system note (not part of the transcript). */
  note(text: string, tone: 'info' | 'warning' = 'info'): void {
    this.say(text, { from: 'system', tone });
  }

  recordUsage(usage: TokenUsage | undefined): void {
    if (!usage) return;
    // Both objects are shared with the caller, so they are updated in place.
    Object.assign(this.session.usage, addUsage(this.session.usage, usage));
    Object.assign(this.spent, addUsage(this.spent, usage));
  }

  /**
   * What the interviewer sees: the candidate's words capped per stage (the transcript keeps
   * them in full), and how many unprompted probes it may still make.
   */
  interviewerContext(probesLeft?: number): InterviewerContext {
    const plan = this.session.plan;
    const cappedTurns = plan.flatMap((_, index) => capCandidateTurns(this.stageTurns(index)));
    const session: Session = { ...this.session, turns: cappedTurns };
    const context: InterviewerContext = {
      framework: this.framework,
      scenario: this.scenario,
      stage: this.stage(),
      lang: this.lang,
      session,
      stageTurns: cappedTurns.filter((t) => t.stage === plan[this.session.stageIndex]),
      mistakes: mistakesFor(this.services.knowledge, this.scenario),
    };
    if (this.services.knowledge.probes) context.probes = this.services.knowledge.probes;
    if (probesLeft !== undefined) context.probesLeft = probesLeft;
    return context;
  }

  /**
   * Write the session if nobody else wrote it since it was loaded. Throws VersionConflictError
   * otherwise; the engine then reloads and runs the command again.
   */
  async save(): Promise<void> {
    const expected = this.session.version;
    this.session.version = expected + 1;
    this.session.updatedAt = this.now();
    const result = await this.services.store.put(this.session, expected);
    if (result === 'conflict') {
      this.session.version = expected;
      throw new VersionConflictError(this.session.id);
    }
    this.savedReplyCount = this.replies.length;
    await this.updateIndex();
  }

  /**
   * Fold the session into the candidate's index when its status or stage scores changed. The
   * session is already saved: a failure here is logged, and the next change (or history's
   * rebuild of a missing index) brings the index up to date.
   */
  private async updateIndex(): Promise<void> {
    const digest = indexDigest(this.session);
    if (digest === this.indexedDigest) return;
    const { session } = this;
    try {
      // Built from past sessions first if missing, so older interviews are not left out.
      await candidateIndex(this.services, session.candidateId);
      await this.services.candidateIndex.update(session.candidateId, (current) =>
        foldSession(current, session, this.scenario.title[session.lang]),
      );
      this.indexedDigest = digest;
    } catch (error) {
      this.services.logger.warn(
        { err: error, sessionId: session.id },
        'could not update the candidate index',
      );
    }
  }

  /** The replies whose state is saved: safe to show even if the command failed later. */
  savedReplies(): Reply[] {
    return this.replies.slice(0, this.savedReplyCount);
  }
}
