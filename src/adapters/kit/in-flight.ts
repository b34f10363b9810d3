/**
 * The platform events being handled right now, so shutdown can wait for them: `drain()` first
 * refuses new work, then waits until every started turn has sent its replies. One tracker for
 * every adapter (Discord's messages and interactions, Slack's acknowledged events).
 */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private draining = false;

  /** `onError`: where the errors of `run` go (`track` leaves them to the caller). */
  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  /** False once shutdown has begun: new events are then left alone. */
  get accepting(): boolean {
    return !this.draining;
  }

  get size(): number {
    return this.running.size;
  }

  /** Runs `work` tracked; its errors stay with the caller's promise. */
  track<T>(work: () => Promise<T>): Promise<T> {
    const promise = work();
    this.running.add(promise);
    const forget = () => this.running.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  /** Runs `work` tracked, errors to `onError`; after `drain()` starts, new work is refused. */
  run(work: () => Promise<void>): Promise<void> {
    if (this.draining) return Promise.resolve();
    return this.track(work).catch(this.onError);
  }

  /** Resolves once nothing is running (work started meanwhile is waited for too). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Stops accepting work and resolves when all tracked work has settled. */
  async drain(): Promise<void> {
    this.draining = true;
    await this.idle();
  }
}
