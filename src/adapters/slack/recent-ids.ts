/**
 * Ids seen recently, with a fixed capacity (oldest forgotten first). Slack retries an event it
 * thinks we missed (`X-Slack-Retry-Num`, same `event_id`); a retry that comes back to this
 * process is dropped here without a store round trip. Across processes the claim in the shared
 * store decides (event-claims.ts).
 */
export class RecentIds {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time `id` is seen; false for a repeat. */
  firstTime(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }
}
