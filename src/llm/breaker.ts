/**
 * The LLM circuit breaker: after `failures` consecutive failed requests the LLM is switched
 * off for `cooldownMs`, so every turn meanwhile runs offline at once instead of waiting for
 * timeouts and retries. A request that timed out opens it at once: a server that holds a
 * request for the whole timeout would make every turn wait that long again. When the cooling
 * period ends, requests go through again; the first one decides (success closes the breaker,
 * failure opens it for another period).
 *
 * Only signs that the server is not answering count (timeouts, connection errors, 5xx). A 429
 * or a reply with invalid content shows a live server and leaves the count alone, except that
 * any reply at all resets it.
 */
import type { LlmHealth, LlmOutage } from '../engine/ports.ts';

export interface BreakerOptions {
  /** Consecutive failed requests that open the breaker. */
  failures: number;
  /** How long it stays open. */
  cooldownMs: number;
  now?: () => number;
}

export class CircuitBreaker implements LlmHealth {
  private consecutive = 0;
  private openedAt = 0;
  private openUntil = 0;
  private reason = '';
  /** Set once a cooling period has ended: the next failure reopens at once. */
  private trial = false;
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Whether a request may be sent now. */
  allows(): boolean {
    if (this.openUntil === 0) return true;
    if (this.now() < this.openUntil) return false;
    this.openUntil = 0;
    this.trial = true;
    return true;
  }

  /** Any reply from the server (even one with unusable content) closes the breaker. */
  recordReply(): void {
    this.consecutive = 0;
    this.trial = false;
    this.openUntil = 0;
  }

  /** A request the server did not answer. Returns true when this opened the breaker. */
  recordFailure(reason: string, options: { opensAtOnce?: boolean } = {}): boolean {
    this.consecutive += 1;
    if (!options.opensAtOnce && !this.trial && this.consecutive < this.options.failures) {
      return false;
    }
    const now = this.now();
    this.openedAt = now;
    this.openUntil = now + this.options.cooldownMs;
    this.reason = reason;
    this.trial = false;
    return true;
  }

  outage(): LlmOutage | null {
    if (this.openUntil === 0 || this.now() >= this.openUntil) return null;
    return { reason: this.reason, since: this.openedAt, retryAt: this.openUntil };
  }

  /** Why a request was not sent, for the caller's fallback note. */
  describe(): string {
    const outage = this.outage();
    if (!outage) return 'the LLM is in use';
    const seconds = Math.max(1, Math.ceil((outage.retryAt - this.now()) / 1000));
    return `LLM switched off after it stopped answering (${outage.reason}); tried again in ${seconds} s`;
  }
}
