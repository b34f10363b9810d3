/**
 * Budgets per candidate and per team (a Slack workspace, a Discord server): turns per minute
 * and LLM tokens per UTC day, held in `rate-limiter-flexible` limiters on the backend that
 * matches the store (budget-backend.ts): Redis or PostgreSQL, shared by every process on it;
 * a file beside the sqlite store, so a day's tokens survive a restart; memory in tests.
 *
 * - Turns: each admitted turn consumes one point from the candidate's and the team's
 *   one-minute budgets; over either, the turn is refused with the limiter's own retry time.
 * - Tokens: spent tokens are added after each turn (`penalty`, which never refuses: the cost is
 *   only known afterwards, so the turn that crosses the budget finishes). A turn is admitted
 *   only while the day's total is under the budget; the day is in the key, so the budget starts
 *   again at midnight UTC, which is also the retry time given.
 * A team budget stops one busy workspace from using up what every other team shares.
 */
import { type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import type { Admission, Clock, UsageGuard } from '../engine/ports.ts';
import type { CandidateId, TokenUsage } from '../engine/types.ts';
import { type BudgetBackend, openBudgetBackend } from './budget-backend.ts';

export interface BudgetLimits {
  userTurnsPerMinute: number;
  userDailyTokens: number;
  teamTurnsPerMinute: number;
  teamDailyTokens: number;
}

export interface BudgetPlace {
  /** Where the counters live; absent: this process's memory. */
  backend?: BudgetBackend;
  /** Prefix of every key, e.g. the store's namespace, so apps and test runs stay apart. */
  namespace: string;
}

const DAY_MS = 86_400_000;
/** Token counters outlive their day a little, so a late record never starts a fresh one. */
const TOKEN_KEY_SECONDS = 2 * 86_400;

type Scope = 'user' | 'team';

export class BudgetGuard implements UsageGuard {
  private readonly turns: Record<Scope, RateLimiterAbstract>;
  private readonly tokens: Record<Scope, RateLimiterAbstract>;
  private readonly backend: BudgetBackend;

  constructor(
    private readonly limits: BudgetLimits,
    place: BudgetPlace,
    private readonly clock: Clock = { now: Date.now },
  ) {
    this.backend = place.backend ?? openBudgetBackend({ storeKind: 'memory' });
    const make = (name: string, points: number, duration: number): RateLimiterAbstract =>
      this.backend.limiter(`${place.namespace}::budget:${name}`, points, duration);
    this.turns = {
      user: make('user-turns', limits.userTurnsPerMinute, 60),
      team: make('team-turns', limits.teamTurnsPerMinute, 60),
    };
    this.tokens = {
      user: make('user-tokens', limits.userDailyTokens, TOKEN_KEY_SECONDS),
      team: make('team-tokens', limits.teamDailyTokens, TOKEN_KEY_SECONDS),
    };
  }

  async admit(candidateId: CandidateId, tenantId?: string): Promise<Admission> {
    await this.backend.ready();
    const now = this.clock.now();
    const day = utcDay(now);
    const spent = await Promise.all([
      this.tokens.user.get(`${candidateId}:${day}`),
      tenantId ? this.tokens.team.get(`${tenantId}:${day}`) : null,
    ]);
    const daily: Record<Scope, number> = {
      user: this.limits.userDailyTokens,
      team: this.limits.teamDailyTokens,
    };
    for (const [index, scope] of (['user', 'team'] as const).entries()) {
      const used = spent[index]?.consumedPoints ?? 0;
      if (used >= daily[scope]) {
        return { ok: false, code: 'budget-exhausted', retryAfterMs: untilUtcMidnight(now), scope };
      }
    }

    const user = await consume(this.turns.user, candidateId);
    if (user !== null)
      return { ok: false, code: 'rate-limited', retryAfterMs: user, scope: 'user' };
    if (tenantId) {
      const team = await consume(this.turns.team, tenantId);
      if (team !== null) {
        // The candidate's own turn did not happen: give the point back.
        await this.turns.user.reward(candidateId, 1).catch(() => {});
        return { ok: false, code: 'rate-limited', retryAfterMs: team, scope: 'team' };
      }
    }
    return { ok: true };
  }

  async record(candidateId: CandidateId, usage: TokenUsage, tenantId?: string): Promise<void> {
    const tokens = Math.round(usage.promptTokens + usage.completionTokens);
    if (tokens <= 0) return;
    await this.backend.ready();
    const day = utcDay(this.clock.now());
    await Promise.all([
      this.tokens.user.penalty(`${candidateId}:${day}`, tokens),
      tenantId ? this.tokens.team.penalty(`${tenantId}:${day}`, tokens) : null,
    ]);
  }
}

/** Null when the point was taken; otherwise milliseconds until the limiter has one again. */
async function consume(limiter: RateLimiterAbstract, key: string): Promise<number | null> {
  try {
    await limiter.consume(key, 1);
    return null;
  } catch (rejection) {
    // The library rejects with a RateLimiterRes when over the limit, with an Error otherwise.
    if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
    throw rejection;
  }
}

function utcDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

function untilUtcMidnight(now: number): number {
  return DAY_MS - (now % DAY_MS);
}
