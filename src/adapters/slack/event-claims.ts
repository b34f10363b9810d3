/**
 * Slack delivers an event again when it thinks we missed it (`X-Slack-Retry-Num`, same
 * `event_id`), and with several processes behind one URL the retry often lands on another
 * process, possibly while the first one is still in its LLM call. Each event is therefore
 * CLAIMED in the shared store (set-if-absent, the store's `claimOnce`: Redis SET NX across
 * processes) before any work; a process that loses the claim drops the event and posts nothing.
 *
 * Why before the engine rather than relying on the engine's own message-id dedupe: that one
 * cannot tell a redelivery from a retry after the first delivery died until the message is
 * stored. When the first process stalls between claiming the message id and taking the session
 * lock, the second takes it for such a retry and answers, and the first, resumed, posts the
 * stored reply again: the candidate sees it twice (test/scale/slack-two-processes.test.ts
 * shows this with the claim switched off, and that the claim stops it).
 *
 * The price: if the process that won the claim dies before the candidate's message is saved
 * (the few milliseconds between claim and save), Slack's retry is dropped too and the
 * candidate must send it again. A message already saved is answered by the next command
 * (the engine completes a turn a crashed process left pending).
 */
import { RecentIds } from '../kit/recent-ids.ts';

/** Longer than Slack's whole retry schedule (three retries within about five minutes). */
export const EVENT_CLAIM_TTL_MS = 60 * 60_000;

/** The store operation the claim needs (the app's `claimOnce`). */
export type ClaimOnce = (key: string, ttlMs: number) => Promise<boolean>;

export class EventClaims {
  /** Retries that come back to this same process are dropped without a store round trip. */
  private readonly local = new RecentIds();

  constructor(private readonly claimOnce: ClaimOnce) {}

  /** True for exactly one delivery of (team, event id) across every process sharing the store. */
  async first(teamId: string, eventId: string): Promise<boolean> {
    const key = `slack-event:${teamId}:${eventId}`;
    if (!this.local.firstTime(key)) return false;
    return this.claimOnce(key, EVENT_CLAIM_TTL_MS);
  }
}
