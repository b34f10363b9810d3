/**
 * The slow work after `ack()`: engine turns and Slack posts. Tracked so that `stop()` lets
 * in-flight turns finish, and so a caller (a test, a shutdown) can wait until all is done.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly onError: (error: unknown) => void) {}

  /** Run `work`, tracked; errors go to `onError`. After `close()`, new work is refused. */
  run(work: () => Promise<void>): Promise<void> {
    if (this.closed) return Promise.resolve();
    const task = (async () => {
      try {
        await work();
      } catch (error) {
        this.onError(error);
      }
    })();
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
    return task;
  }

  /** Resolves once nothing is running (work started meanwhile is waited for too). */
  async idle(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }

  /** Refuse new work, then wait for the work in flight. */
  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
  }
}
