/**
 * In-process mutual exclusion per key. Waiters are served in arrival order (FIFO), and a waiter
 * may give up after `maxWaitMs`. Not re-entrant: acquiring a key you already hold waits for
 * yourself.
 */
export type Release = () => void;

interface Waiter {
  grant: (release: Release) => void;
}

export class KeyedMutex {
  /** Held keys, each with the waiters queued behind the holder. A key is absent when free. */
  private readonly queues = new Map<string, Waiter[]>();

  /** Number of keys currently held (for tests: a finished run leaves nothing behind). */
  get heldCount(): number {
    return this.queues.size;
  }

  /**
   * Resolve with a release function once `key` is ours, or with null if `maxWaitMs` passed first.
   * The waiter is queued synchronously, so calls made in order are granted in that order.
   */
  acquire(key: string, maxWaitMs = Number.POSITIVE_INFINITY): Promise<Release | null> {
    const queue = this.queues.get(key);
    if (!queue) {
      this.queues.set(key, []);
      return Promise.resolve(this.releaseFor(key));
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        grant: (release) => {
          if (timer) clearTimeout(timer);
          resolve(release);
        },
      };
      queue.push(waiter);
      if (Number.isFinite(maxWaitMs)) {
        timer = setTimeout(() => {
          const index = queue.indexOf(waiter);
          if (index >= 0) queue.splice(index, 1);
          resolve(null);
        }, maxWaitMs);
      }
    });
  }

  /** Run `work` holding `key` (waiting without limit). */
  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const release = (await this.acquire(key))!;
    try {
      return await work();
    } finally {
      release();
    }
  }

  private releaseFor(key: string): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const queue = this.queues.get(key);
      const next = queue?.shift();
      if (next) next.grant(this.releaseFor(key));
      else this.queues.delete(key);
    };
  }
}
