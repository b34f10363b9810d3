/**
 * Budgets without Redis. On PostgreSQL alone every process draws on the same budgets
 * (RateLimiterPostgres): two guards on two separate connection pools, then two apps built by
 * createApp as `npm start` builds them. On sqlite (one process) the day's tokens are kept in a
 * file beside the store (RateLimiterSQLite), so a restart does not give the budget back.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { budgetsFileFor, openBudgetBackend } from '../../src/llm/budget-backend.ts';
import { BudgetGuard } from '../../src/llm/budgets.ts';
import { type FakeOpenAIServer, startFakeOpenAI } from '../fakes/openai-server.ts';
import { scriptGoodLlm } from '../fakes/scripted-llm.ts';
import { databaseUrl, dropSchemas, inSchema, uniqueSchema } from '../store/postgres-helpers.ts';
import {
  answer,
  budgetConfig,
  expectTeamDayRefusedEverywhere,
  LIMITS,
  startFor,
  usage,
} from './budget-helpers.ts';

let llm: FakeOpenAIServer;
beforeAll(async () => {
  llm = await startFakeOpenAI();
  scriptGoodLlm(llm);
});
afterAll(async () => {
  await llm.close();
});

const logger = pino({ level: 'silent' });

const appConfig = (env: Record<string, string>) => budgetConfig(llm.url, env);

describe.skipIf(!databaseUrl)('budgets on PostgreSQL without Redis (needs DATABASE_URL)', () => {
  const schemas: string[] = [];

  afterAll(async () => {
    await dropSchemas(...schemas);
  });

  async function freshSchema(label: string): Promise<string> {
    const schema = uniqueSchema(label);
    schemas.push(schema);
    await inSchema('public', `CREATE SCHEMA ${schema}`);
    return schema;
  }

  it('two guards on separate connection pools draw on one turn and token budget', async () => {
    const schema = await freshSchema('budget_pools');
    const namespace = `t-${randomUUID()}`;
    const open = () =>
      openBudgetBackend({ storeKind: 'postgres', databaseUrl, databaseSchema: schema });
    const [backendA, backendB] = [open(), open()];
    const a = new BudgetGuard(LIMITS, { backend: backendA, namespace });
    const b = new BudgetGuard(LIMITS, { backend: backendB, namespace });
    try {
      expect(backendA.kind).toBe('postgres');
      // The candidate's two turns this minute: one on each process; the third is refused.
      expect(await a.admit('slack:T1:ana', 'slack:T1')).toEqual({ ok: true });
      expect(await b.admit('slack:T1:ana', 'slack:T1')).toEqual({ ok: true });
      expect(await a.admit('slack:T1:ana', 'slack:T1')).toMatchObject({
        ok: false,
        code: 'rate-limited',
        scope: 'user',
      });
      // Tokens spent through one process count on the other.
      await a.record('slack:T1:bo', usage(700), 'slack:T1');
      await b.record('slack:T1:cy', usage(800), 'slack:T1');
      expect(await a.admit('slack:T1:di', 'slack:T1')).toMatchObject({
        ok: false,
        code: 'budget-exhausted',
        scope: 'team',
      });
      const rows = await inSchema<{ n: number }>(
        schema,
        'SELECT count(*)::int AS n FROM budget_limits',
      );
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await Promise.all([backendA.close(), backendB.close()]);
    }
  });

  it("two apps on one database (no REDIS_URL) refuse a team's turns once its day is spent", async () => {
    const schema = uniqueSchema('budget_apps');
    schemas.push(schema);
    const config = appConfig({
      DATABASE_URL: databaseUrl!,
      DATABASE_SCHEMA: schema,
      TEAM_DAILY_TOKENS: '1',
    });
    expect(config.store.redisUrl).toBeUndefined();
    const a = await createApp(config, { logger });
    const b = await createApp(config, { logger });
    try {
      await expectTeamDayRefusedEverywhere([a, b]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('budgets on sqlite survive a restart', () => {
  const folders: string[] = [];
  const folder = () => {
    const made = mkdtempSync(path.join(tmpdir(), 'mli-budgets-'));
    folders.push(made);
    return made;
  };

  afterAll(() => {
    for (const made of folders) rmSync(made, { recursive: true, force: true });
  });

  it("keeps a candidate's spent tokens when the guard is opened again on the same file", async () => {
    const databasePath = path.join(folder(), 'bot.sqlite');
    const namespace = 'ml-interviewer';
    const first = openBudgetBackend({ storeKind: 'sqlite', databasePath });
    const before = new BudgetGuard(LIMITS, { backend: first, namespace });
    expect(await before.admit('discord:ana')).toEqual({ ok: true });
    await before.record('discord:ana', usage(1_000));
    await first.close();
    expect(existsSync(budgetsFileFor(databasePath))).toBe(true);

    const second = openBudgetBackend({ storeKind: 'sqlite', databasePath });
    try {
      const after = new BudgetGuard(LIMITS, { backend: second, namespace });
      expect(await after.admit('discord:ana')).toMatchObject({
        ok: false,
        code: 'budget-exhausted',
        scope: 'user',
      });
      expect(await after.admit('discord:bo')).toEqual({ ok: true });
    } finally {
      await second.close();
    }
  });

  it('an app restarted on the same sqlite file still refuses the spent day', async () => {
    const config = appConfig({
      DATABASE_PATH: path.join(folder(), 'bot.sqlite'),
      USER_DAILY_TOKENS: '1',
    });
    const actor = `discord:ana-${randomUUID()}`;
    const first = await createApp(config, { logger });
    let sessionId: string;
    try {
      sessionId = await startFor(first, actor, 'discord:G1');
      expect((await answer(first, { actor, tenant: 'discord:G1', sessionId })).ok).toBe(true);
    } finally {
      await first.close();
    }
    const second = await createApp(config, { logger });
    try {
      const refused = await answer(second, { actor, tenant: 'discord:G1', sessionId });
      expect(!refused.ok && refused.error).toMatchObject({
        code: 'budget-exhausted',
        params: { scope: 'user' as const },
      });
    } finally {
      await second.close();
    }
  });
});
