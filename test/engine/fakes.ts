/**
 * In-memory stand-ins for the engine's ports, for engine unit tests: a session store that
 * serialises (so no object is shared with the engine), a queueing lock, a fake clock, a stub
 * scorer and an interviewer that can be told to fail.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type EngineDeps, InterviewEngine } from '../../src/engine/engine.ts';
import type {
  Clock,
  Interviewer,
  InterviewerContext,
  InterviewerMove,
  PutResult,
  SessionLock,
  SessionStore,
  SessionSummary,
  StageScorer,
  StageScoringInput,
  UsageGuard,
} from '../../src/engine/ports.ts';
import { LockBusyError } from '../../src/engine/ports.ts';
import type {
  CandidateId,
  Command,
  EngineRequest,
  Level,
  Outcome,
  Reply,
  Session,
  StageScore,
  TokenUsage,
} from '../../src/engine/types.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { matchSignals } from '../../src/knowledge/signals.ts';
import { OfflineInterviewer } from '../../src/interviewer/rule-based-interviewer.ts';

export const MINI_KNOWLEDGE_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/knowledge-mini',
);

let miniKnowledge: Promise<Knowledge> | null = null;
export function loadMiniKnowledge(): Promise<Knowledge> {
  miniKnowledge ??= loadKnowledge(MINI_KNOWLEDGE_DIR);
  return miniKnowledge;
}

export class FakeClock implements Clock {
  constructor(public time = Date.UTC(2025, 0, 6, 9, 0, 0)) {}
  now(): number {
    return this.time;
  }
  advanceMinutes(minutes: number): void {
    this.time += minutes * 60_000;
  }
}

export class MemorySessionStore implements SessionStore {
  readonly records = new Map<string, string>();
  private readonly claims = new Map<string, number>();
  puts = 0;
  /** Runs before a put is applied: lets a test play "another process" writing in between. */
  beforePut: ((session: Session) => Promise<void> | void) | null = null;

  constructor(private readonly clock: Clock) {}

  async get(id: string): Promise<Session | null> {
    const json = this.records.get(id);
    return json ? (JSON.parse(json) as Session) : null;
  }

  async put(session: Session, expectedVersion: number): Promise<PutResult> {
    const hook = this.beforePut;
    if (hook) {
      this.beforePut = null;
      await hook(session);
    }
    const stored = await this.get(session.id);
    if ((stored?.version ?? 0) !== expectedVersion) return 'conflict';
    this.puts++;
    this.records.set(session.id, JSON.stringify(session));
    return 'ok';
  }

  /** Write a session directly, bumping its version (as another process would). */
  async overwrite(session: Session): Promise<void> {
    session.version += 1;
    this.records.set(session.id, JSON.stringify(session));
  }

  private all(): Session[] {
    return [...this.records.values()].map((json) => JSON.parse(json) as Session);
  }

  async listByCandidate(candidateId: CandidateId, limit: number): Promise<SessionSummary[]> {
    return this.all()
      .filter((s) => s.candidateId === candidateId)
      .sort((a, b) => b.createdAt - a.createdAt)
      .slice(0, limit)
      .map((s) => ({
        id: s.id,
        scenarioId: s.scenarioId,
        status: s.status,
        createdAt: s.createdAt,
      }));
  }

  async lastActive(candidateId: CandidateId): Promise<string | null> {
    const active = this.all()
      .filter((s) => s.candidateId === candidateId && s.status === 'active')
      .sort((a, b) => b.createdAt - a.createdAt);
    return active[0]?.id ?? null;
  }

  readonly places = new Map<string, string>();

  async sessionAtPlace(place: string): Promise<string | null> {
    return this.places.get(place) ?? null;
  }

  async setPlace(place: string, sessionId: string): Promise<void> {
    this.places.set(place, sessionId);
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const now = this.clock.now();
    const until = this.claims.get(key);
    if (until !== undefined && until > now) return false;
    this.claims.set(key, now + ttlMs);
    return true;
  }

  async forgetCandidate(candidateId: CandidateId): Promise<number> {
    const ids = this.all()
      .filter((s) => s.candidateId === candidateId)
      .map((s) => s.id);
    for (const id of ids) this.records.delete(id);
    for (const [place, id] of this.places) if (ids.includes(id)) this.places.delete(place);
    return ids.length;
  }
}

/** A per-key queue: work for one key runs one at a time, in arrival order. */
export class MemoryLock implements SessionLock {
  private readonly tails = new Map<string, Promise<unknown>>();
  /** Keys that report busy, as a lock held elsewhere past the wait limit would. */
  readonly busyKeys = new Set<string>();
  readonly order: string[] = [];

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.busyKeys.has(key)) throw new LockBusyError(key);
    const previous = this.tails.get(key) ?? Promise.resolve();
    const run = previous.then(
      () => work(),
      () => work(),
    );
    this.tails.set(
      key,
      run.catch(() => {}),
    );
    this.order.push(key);
    return run;
  }
}

const STUB_USAGE: TokenUsage = {
  requests: 1,
  promptTokens: 100,
  completionTokens: 20,
  cachedTokens: 0,
};

/**
 * Scores each criterion by how many of its signal phrases the answer names (0 → 1 … 3+ → 4),
 * evidence = the first sentence naming one. Records every call.
 */
export class StubScorer implements StageScorer {
  readonly calls: StageScoringInput[] = [];
  constructor(readonly kind: 'offline' | 'llm' = 'offline') {}

  async score(input: StageScoringInput): Promise<StageScore & { usage?: TokenUsage }> {
    this.calls.push(input);
    const criteria = input.stage.criteria.map((c) => {
      const hits = matchSignals(input.answer, c.signals);
      const level = Math.min(4, 1 + hits.length) as Level;
      const sentence = input.answer
        .split(/(?<=[.!?。])\s*/)
        .find((s) => matchSignals(s, c.signals).length > 0);
      return { id: c.id, level, evidence: sentence ? [sentence] : [], feedback: `stub ${level}` };
    });
    const score = criteria.reduce((sum, c) => sum + c.level, 0) / criteria.length;
    const missedKeyPoints = (input.scenario.keyPoints[input.stage.id] ?? [])
      .filter((p) => matchSignals(input.answer, p.signals).length === 0)
      .map((p) => p.text[input.lang]);
    return {
      stage: input.stage.id,
      scorer: this.kind,
      score,
      level: Math.min(4, Math.max(1, Math.round(score))) as Level,
      criteria,
      feedback: 'stub feedback',
      missedKeyPoints,
      notes: [],
      usage: STUB_USAGE,
    };
  }
}

/** The real offline interviewer, which can be told to throw on its next calls. */
export class FlakyInterviewer implements Interviewer {
  readonly kind = 'offline' as const;
  private readonly inner = new OfflineInterviewer();
  failures = 0;
  calls = 0;
  /** Optional hook run at the start of every call (e.g. to simulate another process). */
  onCall: (() => Promise<void> | void) | null = null;

  private async gate(): Promise<void> {
    this.calls++;
    await this.onCall?.();
    if (this.failures > 0) {
      this.failures--;
      throw new Error('interviewer crashed (test)');
    }
  }
  async respond(context: InterviewerContext): Promise<InterviewerMove> {
    await this.gate();
    return { ...(await this.inner.respond(context)), usage: STUB_USAGE };
  }
  async followup(context: InterviewerContext): Promise<InterviewerMove> {
    await this.gate();
    return this.inner.followup(context);
  }
  async hint(context: InterviewerContext, level: number): Promise<InterviewerMove> {
    await this.gate();
    return this.inner.hint(context, level);
  }
}

export class RecordingGuard implements UsageGuard {
  readonly recorded: TokenUsage[] = [];
  refuse: { code: 'rate-limited' | 'budget-exhausted'; retryAfterMs: number } | null = null;
  admits = 0;
  async admit() {
    this.admits++;
    return this.refuse ? { ok: false as const, ...this.refuse } : { ok: true as const };
  }
  async record(_candidate: CandidateId, usage: TokenUsage) {
    this.recorded.push({ ...usage });
  }
}

export interface Harness {
  engine: InterviewEngine;
  store: MemorySessionStore;
  lock: MemoryLock;
  clock: FakeClock;
  scorer: StubScorer;
  interviewer: FlakyInterviewer;
  guard: RecordingGuard;
  knowledge: Knowledge;
  errors: object[];
  /** Run a command as `actor` (default: the candidate "ana") in session "s1". */
  run(command: Command, options?: Partial<EngineRequest>): Promise<Outcome>;
  /** Like run, but fails the test unless the outcome is ok; returns its replies. */
  ok(command: Command, options?: Partial<EngineRequest>): Promise<Reply[]>;
  session(id?: string): Promise<Session>;
}

export const ANA = 'terminal:ana';
export const BOB = 'terminal:bob';

export async function harness(
  overrides: Partial<EngineDeps> & { knowledge?: Knowledge } = {},
): Promise<Harness> {
  const knowledge = overrides.knowledge ?? (await loadMiniKnowledge());
  const clock = new FakeClock();
  const store = new MemorySessionStore(clock);
  const lock = new MemoryLock();
  const scorer = new StubScorer();
  const interviewer = new FlakyInterviewer();
  const guard = new RecordingGuard();
  const errors: object[] = [];
  let ids = 0;
  const engine = new InterviewEngine({
    knowledge,
    store,
    lock,
    interviewer,
    scorer,
    clock,
    guard,
    logger: { info() {}, warn() {}, error: (obj) => errors.push(obj) },
    newId: () => `id-${++ids}`,
    ...overrides,
  });
  const run = (command: Command, options: Partial<EngineRequest> = {}) =>
    engine.execute({ actor: ANA, sessionId: 's1', command, ...options });
  return {
    engine,
    store,
    lock,
    clock,
    scorer,
    interviewer,
    guard,
    knowledge,
    errors,
    run,
    async ok(command, options) {
      const outcome = await run(command, options);
      if (!outcome.ok) throw new Error(`expected ok, got ${JSON.stringify(outcome.error)}`);
      return outcome.replies;
    },
    async session(id = 's1') {
      const session = await store.get(id);
      if (!session) throw new Error(`no session ${id}`);
      return session;
    },
  };
}

/** The text of the message replies, joined (for readable assertions). */
export function texts(replies: Reply[]): string[] {
  return replies.flatMap((r) => (r.kind === 'message' ? [r.text] : []));
}

export function kinds(replies: Reply[]): string[] {
  return replies.map((r) => r.kind);
}
