/**
 * The turns being handled right now, so shutdown can wait for them: `stop()` first refuses new
 * work, then waits until every started turn has sent its replies.
 */
export class InFlightTurns {
  private readonly running = new Set<Promise<unknown>>();
  private draining = false;

  /** False once shutdown has begun: new events are then left alone. */
  get accepting(): boolean {
    return !this.draining;
  }

  get size(): number {
    return this.running.size;
  }

  /** Runs `work` as a tracked turn; its errors stay with the caller's promise. */
  track<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.running.add(promise);
    const forget = () => this.running.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /** Stops accepting work and resolves when all tracked turns have settled. */
  async drain(): Promise<void> {
    this.draining = true;
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
