/**
 * What a message does when it arrives while a turn of the same interview is still running
 * (e.g. the candidate sends two messages quickly while the LLM is thinking): it is QUEUED by the
 * session lock — it waits, then runs after the turn, in arrival order — never dropped or merged.
 * Only a wait longer than the lock's limit (2 minutes by default) gives up, and then the
 * candidate is told plainly to send it again, and nothing of it was saved.
 *
 * In one process (memory and sqlite stores; the cross-process case is in two-processes.test.ts).
 * The interviewer is held on a gate the test opens, so "during a turn" is a fact, not a timing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InterviewEngine } from '../../src/engine/engine.ts';
import { describeError } from '../../src/engine/messages.ts';
import type { Interviewer, InterviewerContext, InterviewerMove } from '../../src/engine/ports.ts';
import type { Outcome } from '../../src/engine/types.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { OfflineInterviewer } from '../../src/interviewer/rule-based-interviewer.ts';
import { OfflineScorer } from '../../src/scorer/offline-scorer.ts';
import { createStore, type LockOptions, type StoreHandle } from '../../src/store/index.ts';
import { until } from './processes.ts';
import { candidateTexts, unansweredMessages } from './session-checks.ts';

/** The offline interviewer, except that `respond` waits while the gate is closed. */
class GatedInterviewer implements Interviewer {
  readonly kind = 'offline' as const;
  private readonly inner = new OfflineInterviewer();
  private gate: Promise<void> | null = null;
  private openGate: () => void = () => {};
  /** Messages the interviewer was asked to respond to, in order. */
  readonly seen: string[] = [];

  close(): void {
    this.gate = new Promise((resolve) => {
      this.openGate = resolve;
    });
  }

  open(): void {
    this.gate = null;
    this.openGate();
  }

  async respond(context: InterviewerContext): Promise<InterviewerMove> {
    this.seen.push(context.stageTurns.at(-1)?.text ?? '');
    if (this.gate) await this.gate;
    return this.inner.respond(context);
  }
  followup(context: InterviewerContext): Promise<InterviewerMove> {
    return this.inner.followup(context);
  }
  hint(context: InterviewerContext, level: number): Promise<InterviewerMove> {
    return this.inner.hint(context, level);
  }
}

const stores: Record<
  string,
  (lock?: LockOptions) => Promise<StoreHandle & { cleanup(): Promise<void> }>
> = {
  memory: async (lock) => {
    const handle = await createStore({ memory: true, lock });
    return { ...handle, cleanup: () => handle.close() };
  },
  sqlite: async (lock) => {
    const dir = await mkdtemp(join(tmpdir(), 'mli-queue-'));
    const handle = await createStore({ databasePath: join(dir, 'db.sqlite'), lock });
    return {
      ...handle,
      cleanup: async () => {
        await handle.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

describe.each(Object.keys(stores))('a message that arrives during a turn (%s store)', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  async function setUp(lock?: LockOptions) {
    const handle = await stores[kind]!(lock);
    cleanups.push(handle.cleanup);
    const interviewer = new GatedInterviewer();
    const engine = new InterviewEngine({
      knowledge: await loadKnowledge('test/fixtures/knowledge-mini'),
      store: handle.store,
      lock: handle.lock,
      interviewer,
      scorer: new OfflineScorer(),
    });
    const actor = 'terminal:queue';
    const started = await engine.execute({
      actor,
      command: { kind: 'start', scenarioId: 'mini-recsys' },
    });
    if (!started.ok) throw new Error('start failed');
    const answer = (text: string) =>
      engine.execute({ actor, sessionId: started.sessionId!, command: { kind: 'answer', text } });
    return { handle, interviewer, answer, sessionId: started.sessionId! };
  }

  it('is queued behind the turn, then answered after it, in arrival order', async () => {
    const { handle, interviewer, answer, sessionId } = await setUp();
    interviewer.close();
    const first = answer('First, what is the business goal?');
    await until(() => interviewer.seen.length === 1);

    // Two more arrive while the first turn is inside the interviewer.
    const done: string[] = [];
    const second = answer('Second: we optimise watch time.').then((o) => {
      done.push('second');
      return o;
    });
    const third = answer('Third: latency matters too.').then((o) => {
      done.push('third');
      return o;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(done).toEqual([]);
    expect(interviewer.seen).toEqual(['First, what is the business goal?']);
    // Nothing of the waiting messages is written while they wait.
    expect(candidateTexts((await handle.store.get(sessionId))!)).toEqual([
      'First, what is the business goal?',
    ]);

    interviewer.open();
    const outcomes: Outcome[] = await Promise.all([first, second, third]);
    for (const outcome of outcomes) expect(outcome.ok).toBe(true);
    expect(done).toEqual(['second', 'third']);
    expect(interviewer.seen).toEqual([
      'First, what is the business goal?',
      'Second: we optimise watch time.',
      'Third: latency matters too.',
    ]);
    const session = (await handle.store.get(sessionId))!;
    expect(candidateTexts(session)).toEqual(interviewer.seen);
    expect(unansweredMessages(session)).toEqual([]);
  });

  it('tells the candidate plainly to resend when the wait outlasts the lock limit, saving nothing of it', async () => {
    const { handle, interviewer, answer, sessionId } = await setUp({ maxWaitMs: 50 });
    interviewer.close();
    const first = answer('First, what is the business goal?');
    await until(() => interviewer.seen.length === 1);

    const late = await answer('Second: we optimise watch time.');
    expect(late).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(describeError({ code: 'busy' }, 'en')).toMatch(/send this one again/);

    interviewer.open();
    expect((await first).ok).toBe(true);
    expect(candidateTexts((await handle.store.get(sessionId))!)).toEqual([
      'First, what is the business goal?',
    ]);
  });
});
