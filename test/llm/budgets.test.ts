/**
 * Budgets per candidate and per team (rate-limiter-flexible): in memory, and across two app
 * instances on one real Redis (each built by createApp, as `npm start` does, with its own
 * namespace per test so runs never share keys).
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.ts';
import { describeError } from '../../src/engine/messages.ts';
import { BudgetGuard } from '../../src/llm/budgets.ts';
import { type FakeOpenAIServer, startFakeOpenAI } from '../fakes/openai-server.ts';
import { scriptGoodLlm } from '../fakes/scripted-llm.ts';
import {
  answer,
  budgetConfig,
  expectTeamDayRefusedEverywhere,
  LIMITS,
  startFor,
  usage,
} from './budget-helpers.ts';
import { deleteNamespace, redisUrl, uniqueNamespace } from '../store/redis-helpers.ts';

// 2030-01-01T22:00:00Z: two hours before midnight UTC.
const LATE_EVENING = Date.UTC(2030, 0, 1, 22, 0, 0);

describe('BudgetGuard (in memory)', () => {
  const guard = () => new BudgetGuard(LIMITS, { namespace: `t-${randomUUID()}` });

  it("refuses a candidate's turn over their per-minute budget, with the limiter's wait", async () => {
    const g = guard();
    expect(await g.admit('slack:T1:ana', 'slack:T1')).toEqual({ ok: true });
    expect(await g.admit('slack:T1:ana', 'slack:T1')).toEqual({ ok: true });
    const refused = await g.admit('slack:T1:ana', 'slack:T1');
    expect(refused).toMatchObject({ ok: false, code: 'rate-limited', scope: 'user' as const });
    expect(refused.ok === false && refused.retryAfterMs).toBeGreaterThan(0);
    expect(refused.ok === false && refused.retryAfterMs).toBeLessThanOrEqual(60_000);
  });

  it("refuses everyone in a team once the team's per-minute budget is used, other teams not", async () => {
    const g = guard();
    expect(await g.admit('slack:T1:ana', 'slack:T1')).toEqual({ ok: true });
    expect(await g.admit('slack:T1:bo', 'slack:T1')).toEqual({ ok: true });
    expect(await g.admit('slack:T1:cy', 'slack:T1')).toEqual({ ok: true });
    expect(await g.admit('slack:T1:di', 'slack:T1')).toMatchObject({
      ok: false,
      code: 'rate-limited',
      scope: 'team',
    });
    // Another workspace is not starved by the busy one.
    expect(await g.admit('slack:T2:ed', 'slack:T2')).toEqual({ ok: true });
    // The refused candidate's own point was given back: their budget is untouched.
    expect(await g.admit('slack:T3:di', 'slack:T3')).toEqual({ ok: true });
    expect(await g.admit('slack:T3:di', 'slack:T3')).toEqual({ ok: true });
  });

  it('refuses turns once the daily tokens are used, until midnight UTC, per candidate and per team', async () => {
    const clock = { t: LATE_EVENING, now: () => clock.t };
    const g = new BudgetGuard(
      { ...LIMITS, userTurnsPerMinute: 100, teamTurnsPerMinute: 100 },
      { namespace: `t-${randomUUID()}` },
      clock,
    );
    await g.record('discord:ana', usage(1_000), 'discord:G1');
    const user = await g.admit('discord:ana', 'discord:G1');
    expect(user).toEqual({
      ok: false,
      code: 'budget-exhausted',
      retryAfterMs: 2 * 3_600_000,
      scope: 'user',
    });
    expect(await g.admit('discord:bo', 'discord:G1')).toEqual({ ok: true });
    await g.record('discord:bo', usage(600), 'discord:G1');
    expect(await g.admit('discord:cy', 'discord:G1')).toMatchObject({
      ok: false,
      code: 'budget-exhausted',
      scope: 'team',
    });
    // A direct message (no team) only has the candidate's own budget.
    expect(await g.admit('discord:cy')).toEqual({ ok: true });
    // The next UTC day starts afresh.
    clock.t += 2 * 3_600_000;
    expect(await g.admit('discord:ana', 'discord:G1')).toEqual({ ok: true });
  });

  it('says whose budget it is, with the retry time, in English and Chinese', () => {
    const team = {
      code: 'rate-limited' as const,
      params: { retryAfterSeconds: 12, scope: 'team' as const },
    };
    expect(describeError(team, 'en')).toContain('This workspace (or server)');
    expect(describeError(team, 'en')).toContain('12 seconds');
    expect(describeError(team, 'zh')).toContain('工作区');
    expect(describeError(team, 'zh')).toContain('12 秒');
    const daily = {
      code: 'budget-exhausted' as const,
      params: { retryAfterMinutes: 90, scope: 'team' as const },
    };
    expect(describeError(daily, 'en')).toContain("today's shared interview budget");
    expect(describeError(daily, 'zh')).toContain('90 分钟');
    const own = {
      code: 'rate-limited' as const,
      params: { retryAfterSeconds: 5, scope: 'user' as const },
    };
    expect(describeError(own, 'en')).toContain('You are going a bit fast');
  });
});

describe.skipIf(!redisUrl)(
  'budgets across two app instances on one Redis (needs REDIS_URL)',
  () => {
    let llm: FakeOpenAIServer;
    const namespaces: string[] = [];

    beforeAll(async () => {
      llm = await startFakeOpenAI();
      scriptGoodLlm(llm);
    });

    afterAll(async () => {
      await llm.close();
      const admin = new Redis(redisUrl!);
      for (const namespace of namespaces) await deleteNamespace(admin, namespace);
      await admin.quit();
    });

    async function twoApps(extra: Record<string, string>): Promise<[App, App]> {
      const namespace = uniqueNamespace('budgets');
      namespaces.push(namespace);
      const config = budgetConfig(llm.url, { REDIS_URL: redisUrl, ...extra });
      const logger = pino({ level: 'silent' });
      return [
        await createApp(config, { logger, namespace }),
        await createApp(config, { logger, namespace }),
      ];
    }

    it('holds per-candidate and per-team turn budgets across the two processes', async () => {
      const [a, b] = await twoApps({ USER_TURNS_PER_MINUTE: '2', TEAM_TURNS_PER_MINUTE: '3' });
      try {
        const tenant = `slack:T${randomUUID().slice(0, 6)}`;
        const bo = { actor: `${tenant}:bo`, tenant };
        const ana = {
          actor: `${tenant}:ana`,
          tenant,
          sessionId: await startFor(a, `${tenant}:ana`, tenant),
        };
        expect((await answer(a, ana)).ok).toBe(true);
        expect((await answer(b, ana)).ok).toBe(true);
        const third = await answer(a, ana);
        expect(third.ok).toBe(false);
        expect(!third.ok && third.error).toMatchObject({
          code: 'rate-limited',
          params: { scope: 'user' as const },
        });

        const boSession = await startFor(b, bo.actor, tenant);
        expect((await answer(b, { ...bo, sessionId: boSession })).ok).toBe(true);
        // The team's third turn this minute was Bo's; the fourth is refused on either process.
        const over = await answer(a, { ...bo, sessionId: boSession });
        expect(!over.ok && over.error).toMatchObject({
          code: 'rate-limited',
          params: { scope: 'team' as const },
        });
        expect(!over.ok && describeError(over.error, 'en')).toMatch(/wait \d+ seconds/);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it("refuses the team's turns on both processes once its daily tokens are spent", async () => {
      const [a, b] = await twoApps({ TEAM_DAILY_TOKENS: '1' });
      try {
        await expectTeamDayRefusedEverywhere([a, b]);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  },
);
