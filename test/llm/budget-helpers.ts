/** Shared by the budget tests: limits, usage, and driving apps built by createApp. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { EngineRequest, Outcome } from '../../src/engine/types.ts';

export const LIMITS = {
  userTurnsPerMinute: 2,
  userDailyTokens: 1_000,
  teamTurnsPerMinute: 3,
  teamDailyTokens: 1_500,
};

export const usage = (tokens: number) => ({
  requests: 1,
  promptTokens: tokens - 10,
  completionTokens: 10,
  cachedTokens: 0,
});

/** An app configuration with the mini knowledge base and an LLM at `llmUrl`, plus `env`. */
export function budgetConfig(llmUrl: string, env: Record<string, string | undefined>) {
  return loadConfig({
    KNOWLEDGE_DIR: 'test/fixtures/knowledge-mini',
    OPENAI_BASE_URL: llmUrl,
    LLM_MAX_RETRIES: '0',
    SCORER: 'offline',
    ...env,
  });
}

export async function startFor(app: App, actor: string, tenant: string): Promise<string> {
  const outcome = await app.engine.execute({
    actor,
    tenant,
    command: { kind: 'start', scenarioId: 'mini-recsys' },
  });
  if (!outcome.ok) throw new Error(outcome.error.code);
  return outcome.sessionId!;
}

export const answer = (app: App, request: Omit<EngineRequest, 'command'>): Promise<Outcome> =>
  app.engine.execute({ ...request, command: { kind: 'answer', text: 'We track watch time.' } });

/**
 * With TEAM_DAILY_TOKENS=1: one answer on the first app spends the team's day; then every app
 * refuses the team's next turn as `budget-exhausted` for the team.
 */
export async function expectTeamDayRefusedEverywhere(apps: App[]): Promise<void> {
  const tenant = `discord:G${randomUUID().slice(0, 6)}`;
  const ana = { actor: `discord:ana-${randomUUID()}`, tenant };
  const sessionId = await startFor(apps[0]!, ana.actor, tenant);
  expect((await answer(apps[0]!, { ...ana, sessionId })).ok).toBe(true);
  for (const app of apps) {
    const refused = await answer(app, { ...ana, sessionId });
    expect(!refused.ok && refused.error).toMatchObject({
      code: 'budget-exhausted',
      params: { scope: 'team' as const },
    });
  }
}
