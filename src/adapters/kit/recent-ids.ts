/**
 * Ids seen recently in this process, with a fixed capacity (oldest forgotten first). A platform
 * retries an event it thinks we missed (Slack: `X-Slack-Retry-Num`, same `event_id`); a retry of
 * an event this process already took is dropped here before it can post anything twice. It is
 * deliberately per process: a retry after a crash must reach the engine, whose own dedupe (by
 * message id, in the shared store) processes it once across processes.
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
