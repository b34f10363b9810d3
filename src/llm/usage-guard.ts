/**
 * Per-candidate limits: turns per minute and a daily token budget. Counters live in the store's
 * window counters (`KeyValue`), so they are in memory, in the sqlite file (budgets survive a
 * restart) or in Redis (shared by every process), with atomic increments in each.
 *
 * - Turns: a one-minute window that starts at the candidate's first turn; the turn over the
 *   limit is refused with `rate-limited` and the time until the window ends.
 * - Tokens: prompt + completion tokens per UTC day; once the day's budget is used up, turns are
 *   refused with `budget-exhausted` until midnight UTC. The turn that crosses the budget is
 *   allowed to finish (its cost is only known afterwards).
 */
import type { Admission, Clock, UsageGuard } from '../engine/ports.ts';
import type { CandidateId, TokenUsage } from '../engine/types.ts';
import type { KeyValue } from '../store/key-value.ts';

export interface UsageLimits {
  turnsPerMinute: number;
  dailyTokens: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export class WindowUsageGuard implements UsageGuard {
  constructor(
    private readonly counters: KeyValue,
    private readonly limits: UsageLimits,
    private readonly clock: Clock = { now: Date.now },
  ) {}

  async admit(candidateId: CandidateId): Promise<Admission> {
    const now = this.clock.now();
    const spent = await this.counters.readWindow(tokensKey(candidateId, now));
    if (spent.total >= this.limits.dailyTokens) {
      return { ok: false, code: 'budget-exhausted', retryAfterMs: untilUtcMidnight(now) };
    }
    const key = turnsKey(candidateId);
    const turns = await this.counters.incrementWindow(key, 1, MINUTE_MS);
    if (turns > this.limits.turnsPerMinute) {
      const window = await this.counters.readWindow(key);
      return { ok: false, code: 'rate-limited', retryAfterMs: Math.max(1, window.resetsInMs) };
    }
    return { ok: true };
  }

  async record(candidateId: CandidateId, usage: TokenUsage): Promise<void> {
    const tokens = Math.round(usage.promptTokens + usage.completionTokens);
    if (tokens <= 0) return;
    const now = this.clock.now();
    await this.counters.incrementWindow(tokensKey(candidateId, now), tokens, untilUtcMidnight(now));
  }
}

function turnsKey(candidateId: CandidateId): string {
  return `usage:turns:${candidateId}`;
}

/** The UTC date is in the key, so a counter never carries over into the next day. */
function tokensKey(candidateId: CandidateId, now: number): string {
  return `usage:tokens:${candidateId}:${new Date(now).toISOString().slice(0, 10)}`;
}

function untilUtcMidnight(now: number): number {
  return DAY_MS - (now % DAY_MS);
}
