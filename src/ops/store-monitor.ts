/**
 * Watches the store: a cheap read every `intervalMs`, failed when it throws or takes longer than
 * `timeoutMs`. A store client may queue commands while its server is away (ioredis does) and a
 * turn would then hang; the monitor notices within about interval + timeout, and the turn gate
 * tells the candidates at once. When the read succeeds again the store is marked up: the bot
 * recovers by itself, with no restart.
 */
export interface StoreMonitorOptions {
  /** One cheap read, e.g. `store.get` of an id no session has. */
  check: () => Promise<unknown>;
  intervalMs: number;
  timeoutMs: number;
  onChange: (up: boolean, reason: string | null) => void;
}

export class StoreMonitor {
  private timer: NodeJS.Timeout | null = null;
  private up = true;
  private lastReason: string | null = null;
  private checking = false;

  constructor(private readonly options: StoreMonitorOptions) {}

  get isUp(): boolean {
    return this.up;
  }

  get reason(): string | null {
    return this.lastReason;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.checkNow(), this.options.intervalMs);
    // The monitor alone must not keep the process alive.
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One check now; resolves with whether the store answered. */
  async checkNow(): Promise<boolean> {
    if (this.checking) return this.up;
    this.checking = true;
    try {
      await withTimeout(this.options.check(), this.options.timeoutMs);
      this.set(true, null);
    } catch (error) {
      this.set(false, error instanceof Error ? error.message : String(error));
    } finally {
      this.checking = false;
    }
    return this.up;
  }

  private set(up: boolean, reason: string | null): void {
    this.lastReason = reason;
    if (up === this.up) return;
    this.up = up;
    this.options.onChange(up, reason);
  }
}

/**
 * `work`, failed if it has not settled within `ms` of this process's own time. A timer that fires
 * late measured our event loop being busy (a long synchronous task, e.g. the first offline
 * scoring on a loaded machine), not the store: the store's reply may be waiting in the I/O queue
 * behind that timer. So a late timer gives the work one fresh window, and the failure itself is
 * deferred with setImmediate, which runs after the poll phase that delivers finished I/O.
 */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    const arm = (freshWindows: number) => {
      const armedAt = performance.now();
      timer = setTimeout(() => {
        const lateBy = performance.now() - armedAt - ms;
        if (lateBy > ms / 2 && freshWindows > 0) {
          arm(freshWindows - 1);
          return;
        }
        setImmediate(() => reject(new Error(`no answer within ${ms} ms`)));
      }, ms);
    };
    arm(1);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
