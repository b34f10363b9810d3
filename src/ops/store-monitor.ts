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

export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
