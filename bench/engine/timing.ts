/**
 * Decorators around the store and the lock that add up the time spent in them, so a measured
 * turn can be split into store time, lock time and the engine's own work. Only switched on
 * while a sample runs alone (see simulation.ts), so the sums are not mixed with other turns.
 */
import type {
  PutResult,
  SessionLock,
  SessionStore,
  SessionSummary,
} from '../../src/engine/ports.ts';
import type { CandidateId, Session } from '../../src/engine/types.ts';

export interface TurnBreakdown {
  /** Time inside store calls (get, put, claimOnce, lists). */
  storeMs: number;
  storeCalls: number;
  /** Time the lock added around the work (acquire + release). */
  lockMs: number;
}

export class Stopwatch {
  recording = false;
  current: TurnBreakdown = Stopwatch.zero();

  static zero(): TurnBreakdown {
    return { storeMs: 0, storeCalls: 0, lockMs: 0 };
  }

  /** Start recording a fresh breakdown. */
  begin(): void {
    this.current = Stopwatch.zero();
    this.recording = true;
  }

  end(): TurnBreakdown {
    this.recording = false;
    return this.current;
  }

  async timeStore<T>(call: () => Promise<T>): Promise<T> {
    if (!this.recording) return call();
    const started = performance.now();
    try {
      return await call();
    } finally {
      this.current.storeMs += performance.now() - started;
      this.current.storeCalls += 1;
    }
  }
}

export class TimedStore implements SessionStore {
  constructor(
    private readonly inner: SessionStore,
    private readonly watch: Stopwatch,
  ) {}

  get(id: string): Promise<Session | null> {
    return this.watch.timeStore(() => this.inner.get(id));
  }
  put(session: Session, expectedVersion: number): Promise<PutResult> {
    return this.watch.timeStore(() => this.inner.put(session, expectedVersion));
  }
  listByCandidate(candidateId: CandidateId, limit: number): Promise<SessionSummary[]> {
    return this.watch.timeStore(() => this.inner.listByCandidate(candidateId, limit));
  }
  lastActive(candidateId: CandidateId): Promise<string | null> {
    return this.watch.timeStore(() => this.inner.lastActive(candidateId));
  }
  claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return this.watch.timeStore(() => this.inner.claimOnce(key, ttlMs));
  }
  sessionAtPlace(place: string): Promise<string | null> {
    return this.watch.timeStore(() => this.inner.sessionAtPlace(place));
  }
  setSessionAtPlace(place: string, sessionId: string): Promise<void> {
    return this.watch.timeStore(() => this.inner.setSessionAtPlace(place, sessionId));
  }
}

export class TimedLock implements SessionLock {
  constructor(
    private readonly inner: SessionLock,
    private readonly watch: Stopwatch,
  ) {}

  async withLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (!this.watch.recording) return this.inner.withLock(key, work);
    const started = performance.now();
    let workMs = 0;
    try {
      return await this.inner.withLock(key, async () => {
        const workStarted = performance.now();
        try {
          return await work();
        } finally {
          workMs = performance.now() - workStarted;
        }
      });
    } finally {
      this.watch.current.lockMs += performance.now() - started - workMs;
    }
  }
}
