/**
 * `doctor`: checks each outside service the configuration would use, each bounded in time,
 * each with a verdict and, when it fails, what to do. Nothing is written except the sqlite
 * file being opened (as `npm start` would). Client libraries load only for the services that
 * are configured.
 */
import type { Config } from '../../config.ts';
import { loadKnowledge } from '../../knowledge/loader.ts';
import { reasonOf } from '../../setup-error.ts';
import { createStore } from '../../store/index.ts';
import { networkCode } from '../../adapters/kit/startup.ts';

export type Verdict = 'ok' | 'fail' | 'off';

export interface CheckResult {
  name: string;
  verdict: Verdict;
  /** What was found (ok), why it is off, or what is wrong. */
  detail: string;
  /** What to do (failures only). */
  fix?: string;
}

/** Longest any one check may take. */
const CHECK_TIMEOUT_MS = 10_000;

function within<T>(ms: number, work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${Math.round(ms / 1000)} s`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** A SetupError message is "SETTING: problem.\n  fix: …": split it into detail and fix. */
function fromError(name: string, error: unknown): CheckResult {
  const message = error instanceof Error ? error.message : String(error);
  const [detail, fix] = message.split(/\.?\n\s*fix: /);
  return { name, verdict: 'fail', detail: detail ?? message, fix };
}

async function checkKnowledge(config: Config): Promise<CheckResult> {
  try {
    const { scenarios } = await loadKnowledge(config.knowledgeDir);
    return {
      name: 'knowledge',
      verdict: 'ok',
      detail: `${scenarios.size} scenarios in ${config.knowledgeDir ?? './knowledge'}`,
    };
  } catch (error) {
    return {
      ...fromError('knowledge', error),
      fix: 'fix the files named above (KNOWLEDGE_DIR), or unset KNOWLEDGE_DIR for the shipped ones',
    };
  }
}

async function checkStore(config: Config, timeoutMs: number): Promise<CheckResult> {
  const name = config.store.databaseUrl
    ? 'store (PostgreSQL)'
    : config.store.redisUrl
      ? 'store (Redis)'
      : 'store (sqlite)';
  try {
    const store = await within(timeoutMs, createStore(config.store), 'the store');
    const detail = store.describe();
    await store.close();
    return { name, verdict: 'ok', detail };
  } catch (error) {
    return fromError(name, error);
  }
}

async function checkLlm(config: Config, timeoutMs: number): Promise<CheckResult> {
  const endpoint = config.llm.endpoint;
  if (!endpoint) {
    return {
      name: 'LLM',
      verdict: 'off',
      detail:
        'not configured: the offline interviewer and scorer run (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server)',
    };
  }
  const where = endpoint.baseURL ?? 'api.openai.com';
  const setting = endpoint.baseURL ? 'OPENAI_BASE_URL' : 'OPENAI_API_KEY';
  const { default: OpenAI } = await import('openai');
  const client = new OpenAI({
    apiKey: endpoint.apiKey,
    baseURL: endpoint.baseURL,
    timeout: Math.min(timeoutMs, config.llm.timeoutMs),
    maxRetries: 0,
  });
  try {
    const models = await within(timeoutMs, client.models.list(), 'the LLM server');
    const ids = models.data.map((m) => m.id);
    if (ids.length > 0 && !ids.includes(endpoint.model)) {
      return {
        name: 'LLM',
        verdict: 'fail',
        detail: `OPENAI_MODEL: "${endpoint.model}" is not among the models ${where} lists (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`,
        fix: 'set OPENAI_MODEL to one of them',
      };
    }
    return { name: 'LLM', verdict: 'ok', detail: `${where} answers; model ${endpoint.model}` };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 401 || status === 403) {
      return {
        name: 'LLM',
        verdict: 'fail',
        detail: `OPENAI_API_KEY: ${where} rejected the key (${status})`,
        fix: 'set OPENAI_API_KEY to a valid key',
      };
    }
    if (status === 404) {
      // Some OpenAI-compatible servers have no /models: the chat endpoint may still work.
      return { name: 'LLM', verdict: 'ok', detail: `${where} answers (it lists no models)` };
    }
    const code = networkCode(error);
    const timedOut = /timed out|did not answer/i.test(reasonOf(error));
    return {
      name: 'LLM',
      verdict: 'fail',
      detail: `${setting}: ${where} ${timedOut ? 'accepted the connection but did not answer in time' : `cannot be reached (${code ?? reasonOf(error)})`}`,
      fix: timedOut
        ? 'check that the server is up and not overloaded; interviews meanwhile run offline after the first timeout'
        : endpoint.baseURL
          ? 'start the server or correct OPENAI_BASE_URL; without an LLM, unset it to run offline'
          : 'check the network (and any proxy) to api.openai.com, or unset OPENAI_API_KEY to run offline',
    };
  }
}

async function checkDiscord(config: Config, timeoutMs: number): Promise<CheckResult> {
  const discord = config.discord;
  if (!discord)
    return { name: 'Discord', verdict: 'off', detail: 'not configured (DISCORD_TOKEN)' };
  const { REST, Routes } = await import('discord.js');
  const rest = new REST({
    timeout: timeoutMs,
    retries: 0,
    ...(discord.apiUrl ? { api: discord.apiUrl } : {}),
  }).setToken(discord.token);
  try {
    // GET /applications/@me: needs a valid bot token, and names the application.
    const app = (await within(timeoutMs, rest.get(Routes.currentApplication()), 'Discord')) as {
      name?: string;
    };
    return {
      name: 'Discord',
      verdict: 'ok',
      detail: `the token works (application ${app.name ?? '?'})`,
    };
  } catch (error) {
    if ((error as { status?: unknown }).status === 401) {
      return {
        name: 'Discord',
        verdict: 'fail',
        detail: 'DISCORD_TOKEN: Discord rejected the bot token (401 Unauthorized)',
        fix: 'copy the token again: Developer Portal → your application → Bot → Reset Token',
      };
    }
    const setting = discord.apiUrl ? 'DISCORD_API_URL' : 'DISCORD_TOKEN';
    return {
      name: 'Discord',
      verdict: 'fail',
      detail: `${setting}: cannot reach Discord at ${discord.apiUrl ?? 'discord.com'} (${networkCode(error) ?? reasonOf(error)})`,
      fix: 'check the network (and any proxy), or DISCORD_API_URL',
    };
  }
}

async function checkSlack(config: Config, timeoutMs: number): Promise<CheckResult> {
  const slack = config.slack;
  if (!slack) return { name: 'Slack', verdict: 'off', detail: 'not configured (SLACK_BOT_TOKEN)' };
  if (slack.oauth) {
    // Many workspaces: each token is in its installation; there is no single token to test.
    return {
      name: 'Slack',
      verdict: 'ok',
      detail: `OAuth install flow (client ${slack.oauth.clientId}); HTTP mode on PORT ${slack.port}, install at /slack/install`,
    };
  }
  const { webApi } = await import('@slack/bolt');
  const client = new webApi.WebClient(slack.botToken, {
    timeout: timeoutMs,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    ...(slack.apiUrl
      ? { slackApiUrl: slack.apiUrl.endsWith('/') ? slack.apiUrl : `${slack.apiUrl}/` }
      : {}),
    logLevel: webApi.LogLevel.ERROR,
  });
  try {
    const auth = await within(timeoutMs, client.auth.test(), 'Slack');
    const mode = slack.appToken ? 'Socket Mode' : `HTTP mode on PORT ${slack.port}`;
    return {
      name: 'Slack',
      verdict: 'ok',
      detail: `the bot token works (${auth.team ?? '?'} as ${auth.user ?? '?'}; ${mode})`,
    };
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code) {
      return {
        name: 'Slack',
        verdict: 'fail',
        detail: `SLACK_BOT_TOKEN: Slack rejected the bot token (${code})`,
        fix: 'copy the Bot User OAuth Token (xoxb-…) again: OAuth & Permissions',
      };
    }
    const setting = slack.apiUrl ? 'SLACK_API_URL' : 'SLACK_BOT_TOKEN';
    return {
      name: 'Slack',
      verdict: 'fail',
      detail: `${setting}: cannot reach Slack at ${slack.apiUrl ?? 'slack.com'} (${networkCode(error) ?? reasonOf(error)})`,
      fix: 'check the network (and any proxy), or SLACK_API_URL',
    };
  }
}

/** Every check, run side by side; each ends within its own time bound. */
export async function runChecks(config: Config): Promise<CheckResult[]> {
  const timeoutMs = Math.min(CHECK_TIMEOUT_MS, config.connectTimeoutMs);
  const checks = await Promise.all([
    checkKnowledge(config),
    checkStore(config, timeoutMs),
    checkLlm(config, timeoutMs),
    checkDiscord(config, timeoutMs),
    checkSlack(config, timeoutMs),
  ]);
  const [knowledge, store, ...rest] = checks;
  // With REDIS_URL the store is Redis (sessions, locks, limits): the same verdict.
  const redis: CheckResult = config.store.redisUrl
    ? { ...store!, name: 'Redis' }
    : {
        name: 'Redis',
        verdict: 'off',
        detail:
          'not configured: one process, sessions in the sqlite file (REDIS_URL to share state)',
      };
  // With DATABASE_URL the store is PostgreSQL (interviews, records): the store's verdict too.
  const postgres: CheckResult = config.store.databaseUrl
    ? { ...store!, name: 'PostgreSQL' }
    : {
        name: 'PostgreSQL',
        verdict: 'off',
        detail:
          'not configured: interviews in the sqlite file (DATABASE_URL for a store many processes share)',
      };
  return [knowledge!, store!, redis, postgres, ...rest];
}

export function formatChecks(results: CheckResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length));
  const mark = { ok: 'ok  ', fail: 'FAIL', off: 'off ' } as const;
  const lines = results.map((r) => {
    const line = `  ${mark[r.verdict]}  ${r.name.padEnd(width)}  ${r.detail}`;
    return r.fix ? `${line}\n  ${' '.repeat(6 + width)}  fix: ${r.fix}` : line;
  });
  return `checks:\n${lines.join('\n')}\n`;
}
