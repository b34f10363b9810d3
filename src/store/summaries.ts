/** The per-candidate index holds summaries, not whole sessions: small, and enough for lists. */
import type { SessionSummary } from '../engine/ports.ts';
import type { Session } from '../engine/types.ts';

export function summarize(session: Session): SessionSummary {
  return {
    id: session.id,
    scenarioId: session.scenarioId,
    status: session.status,
    createdAt: session.createdAt,
  };
}

/** Newest first; ties (same millisecond) broken by id so the order is stable. */
export function newestFirst(a: SessionSummary, b: SessionSummary): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

export function newestActiveId(summaries: readonly SessionSummary[]): string | null {
  return [...summaries].sort(newestFirst).find((s) => s.status === 'active')?.id ?? null;
}

/** Guards the port's rule "the caller sets `session.version = expectedVersion + 1`". */
export function assertNextVersion(session: Session, expectedVersion: number): void {
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
    throw new Error(`put: expectedVersion must be a non-negative integer, got ${expectedVersion}`);
  }
  if (session.version !== expectedVersion + 1) {
    throw new Error(
      `put: session ${session.id} has version ${session.version}, expected ${expectedVersion + 1} (expectedVersion + 1)`,
    );
  }
}
