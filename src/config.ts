/**
 * Environment (and `.env`, see env-file.ts) → typed, validated configuration. Every variable is
 * listed in `.env.example`. An empty value counts as unset (so `.env.example` works as it is);
 * a bad value stops start-up with the variable's name, the problem and what to write instead.
 */
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** A number, or undefined when the variable is unset or empty (`FOO=` in .env). */
const optionalNumber = (schema: z.ZodNumber) =>
  optionalString.pipe(z.coerce.number<string | undefined>().pipe(schema).optional());

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const nonNegativeInt = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
  KNOWLEDGE_DIR: optionalString,
  INTERVIEW_LANG: z.enum(['en', 'zh']).default('en'),
  DATABASE_PATH: z.string().trim().min(1).default('./data/ml-interviewer.sqlite'),
  REDIS_URL: optionalString.pipe(z.url().optional()),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_SCHEMA: z
    .string()
    .trim()
    .regex(/^[a-z_][a-z0-9_]*$/, 'lower-case letters, digits and underscores')
    .default('public'),
  /** Days a finished or abandoned interview is kept; 0 keeps it forever. */
  RETENTION_DAYS: nonNegativeInt(180),
  /** Deadline of one Redis command or PostgreSQL query, and of connecting, in ms. */
  STORE_TIMEOUT_MS: positiveInt(5_000),
  STORE_CONNECT_TIMEOUT_MS: positiveInt(5_000),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString.pipe(z.url().optional()),
  OPENAI_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: positiveInt(30_000),
  LLM_MAX_RETRIES: nonNegativeInt(2),
  LLM_MAX_RETRY_AFTER_MS: positiveInt(20_000),
  LLM_BREAKER_FAILURES: positiveInt(3),
  LLM_BREAKER_COOLDOWN_MS: positiveInt(60_000),
  LLM_RPM: positiveInt(500),
  LLM_TPM: positiveInt(200_000),
  LLM_MAX_CONCURRENT: positiveInt(8),
  LLM_MAX_QUEUE: nonNegativeInt(32),
  SCORER: z.enum(['auto', 'llm', 'offline']).default('auto'),
  /** Whether images sent with answers go to OPENAI_MODEL: auto (by its name), on, off. */
  LLM_VISION: z.enum(['auto', 'on', 'off']).default('auto'),
  /** Older name of JUDGE_SAMPLES, still honoured when JUDGE_SAMPLES is not set (see aliases). */
  SCORER_SAMPLES: optionalNumber(z.number().int().min(1).max(9)),
  JUDGE_MODEL: optionalString,
  JUDGE_BASE_URL: optionalString.pipe(z.url().optional()),
  JUDGE_API_KEY: optionalString,
  JUDGE_SAMPLES: z.coerce.number().int().min(1).max(9).default(3),
  JUDGE_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.7),
  JUDGE_PRICE_INPUT_PER_MTOK: optionalNumber(z.number().min(0)),
  JUDGE_PRICE_OUTPUT_PER_MTOK: optionalNumber(z.number().min(0)),
  USER_TURNS_PER_MINUTE: positiveInt(20),
  USER_DAILY_TOKENS: positiveInt(300_000),
  TEAM_TURNS_PER_MINUTE: positiveInt(300),
  TEAM_DAILY_TOKENS: positiveInt(5_000_000),

  DISCORD_TOKEN: optionalString,
  DISCORD_API_URL: optionalString.pipe(z.url().optional()),
  DISCORD_PRIVATE_THREADS: bool(false),
  DISCORD_SHARDS: z
    .string()
    .trim()
    .regex(/^(auto|[1-9][0-9]*)$/, 'auto, or a whole number of shards (1 or more)')
    .default('auto'),
  DISCORD_SHARD_SPAWN_DELAY_MS: nonNegativeInt(5_500),

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalString.pipe(z.url().optional()),
  SLACK_CLIENT_ID: optionalString,
  SLACK_CLIENT_SECRET: optionalString,
  SLACK_STATE_SECRET: optionalString,
  SLACK_SCOPES: z
    .string()
    .trim()
    .default(
      'commands,chat:write,channels:history,groups:history,im:history,files:write,files:read',
    ),
  SLACK_REDIRECT_URI: optionalString.pipe(z.url().optional()),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  CONNECT_TIMEOUT_MS: positiveInt(30_000),
  PLATFORM_TIMEOUT_MS: positiveInt(10_000),
  PLATFORM_MAX_RETRIES: nonNegativeInt(2),
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
  HEALTH_PORT: optionalNumber(z.number().int().min(0).max(65535)),
  STORE_CHECK_MS: positiveInt(1_000),
  LOG_ANSWER_TEXT: bool(false),
  /** How often a Discord or Slack process sends the practice reminders that are due; 0: never. */
  REMINDER_SWEEP_MS: z.coerce.number().int().min(0).default(900_000),
  /** Progress charts (PNG) on the scorecard, history and the export; off: text only. */
  CHARTS: z.enum(['on', 'off']).default('on'),
});

/** The configuration the app runs on: inferred from the schema and its mapping below. */
export type Config = z.infer<typeof ConfigSchema>;

/** An OpenAI-compatible server to call: the interviewer's, or the judge's. */
export type LlmEndpoint = NonNullable<Config['llm']['endpoint']>;

/** The variables the configuration reads, in `.env.example` order (for `config`/`doctor`). */
export const SETTING_NAMES = Object.keys(EnvSchema.shape) as (keyof typeof EnvSchema.shape)[];

/** Each variable's default (undefined: none), for `config`/`doctor`. */
export function settingDefaults(): Record<string, unknown> {
  return EnvSchema.parse({});
}

/** Variables whose values are secrets: shown masked. */
export const SECRET_SETTINGS: ReadonlySet<string> = new Set([
  'OPENAI_API_KEY',
  'JUDGE_API_KEY',
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
]);

export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state` (with a browser cookie) so a callback cannot be forged. */
  stateSecret: string;
  scopes: string[];
  /** The public URL of `/slack/oauth_redirect`, when Slack must be told it explicitly. */
  redirectUri: string | undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Older names still honoured: the value goes to the new name when that one is not set. */
const ALIASES: Readonly<Record<string, string>> = { SCORER_SAMPLES: 'JUDGE_SAMPLES' };

/**
 * The environment without empty values (`NAME=` means "not set", as in `.env.example`), with
 * older names moved to their new ones, so each default is written once, in `EnvSchema`.
 */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const set: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') set[name] = value;
  }
  for (const [old, current] of Object.entries(ALIASES)) {
    if (set[old] !== undefined && set[current] === undefined) set[current] = set[old];
  }
  return set;
}

export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const env = withoutEmpty(environment);
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = i.path.join('.');
      return `  ${name}=${JSON.stringify(env[name] ?? '')}: ${i.message}`;
    });
    throw new ConfigError(
      `invalid setting${lines.length > 1 ? 's' : ''}:\n${lines.join('\n')}\n  fix: correct ${lines.length > 1 ? 'them' : 'it'} in .env or your environment (see .env.example), or remove ${lines.length > 1 ? 'them' : 'it'} to use the default`,
    );
  }
  const e = parsed.data;
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
    throw new ConfigError(
      'SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is.\n  fix: set SLACK_APP_TOKEN (xapp-..., Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode); see README "Slack"',
    );
  }
  // Checked here first: a wrong combination of Slack settings says what to fix.
  slackOAuth(e);
  const judgeConfigured = Boolean(
    e.JUDGE_API_KEY ?? e.OPENAI_API_KEY ?? e.JUDGE_BASE_URL ?? e.OPENAI_BASE_URL,
  );
  if (e.SCORER === 'llm' && !judgeConfigured) {
    throw new ConfigError(
      'SCORER=llm needs an LLM.\n  fix: set OPENAI_API_KEY (or OPENAI_BASE_URL, or JUDGE_API_KEY / JUDGE_BASE_URL), or use SCORER=auto|offline',
    );
  }
  const prices = [e.JUDGE_PRICE_INPUT_PER_MTOK, e.JUDGE_PRICE_OUTPUT_PER_MTOK];
  if (prices.filter((p) => p === undefined).length === 1) {
    throw new ConfigError(
      'JUDGE_PRICE_INPUT_PER_MTOK and JUDGE_PRICE_OUTPUT_PER_MTOK go together.\n  fix: set both or neither',
    );
  }
  return ConfigSchema.parse(env);
}

/**
 * Settings → the configuration's shape. Kept beside the checks in `loadConfig`, which run first
 * and say what to fix; defaults live in `EnvSchema` only.
 */
function toConfig(e: z.infer<typeof EnvSchema>) {
  const oauth = slackOAuth(e);
  // A local OpenAI-compatible server (Ollama, vLLM, LM Studio) usually needs no key.
  const llmConfigured = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  const judgeKey = e.JUDGE_API_KEY ?? e.OPENAI_API_KEY;
  const judgeBaseURL = e.JUDGE_BASE_URL ?? e.OPENAI_BASE_URL;
  const judgeConfigured = Boolean(judgeKey || judgeBaseURL);
  return {
    logLevel: e.LOG_LEVEL,
    knowledgeDir: e.KNOWLEDGE_DIR,
    defaultLang: e.INTERVIEW_LANG,
    store: {
      redisUrl: e.REDIS_URL,
      databasePath: e.DATABASE_PATH,
      databaseUrl: e.DATABASE_URL,
      databaseSchema: e.DATABASE_SCHEMA,
      retentionDays: e.RETENTION_DAYS,
      timeouts: {
        connectTimeoutMs: e.STORE_CONNECT_TIMEOUT_MS,
        commandTimeoutMs: e.STORE_TIMEOUT_MS,
      },
    },
    llm: {
      endpoint: llmConfigured
        ? {
            apiKey: e.OPENAI_API_KEY ?? 'not-needed',
            baseURL: e.OPENAI_BASE_URL,
            model: e.OPENAI_MODEL,
          }
        : null,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxRetries: e.LLM_MAX_RETRIES,
      maxRetryAfterMs: e.LLM_MAX_RETRY_AFTER_MS,
      breakerFailures: e.LLM_BREAKER_FAILURES,
      breakerCooldownMs: e.LLM_BREAKER_COOLDOWN_MS,
      rpm: e.LLM_RPM,
      tpm: e.LLM_TPM,
      maxConcurrent: e.LLM_MAX_CONCURRENT,
      maxQueue: e.LLM_MAX_QUEUE,
      scorer: e.SCORER,
      vision: e.LLM_VISION,
      judge: judgeConfigured
        ? {
            apiKey: judgeKey ?? 'not-needed',
            baseURL: judgeBaseURL,
            model: e.JUDGE_MODEL ?? e.OPENAI_MODEL,
          }
        : null,
      scorerSamples: e.JUDGE_SAMPLES,
      judgeTemperature: e.JUDGE_TEMPERATURE,
      judgePrice:
        e.JUDGE_PRICE_INPUT_PER_MTOK !== undefined && e.JUDGE_PRICE_OUTPUT_PER_MTOK !== undefined
          ? {
              inputPerMTok: e.JUDGE_PRICE_INPUT_PER_MTOK,
              outputPerMTok: e.JUDGE_PRICE_OUTPUT_PER_MTOK,
            }
          : null,
      userTurnsPerMinute: e.USER_TURNS_PER_MINUTE,
      userDailyTokens: e.USER_DAILY_TOKENS,
      teamTurnsPerMinute: e.TEAM_TURNS_PER_MINUTE,
      teamDailyTokens: e.TEAM_DAILY_TOKENS,
    },
    discord: e.DISCORD_TOKEN
      ? {
          token: e.DISCORD_TOKEN,
          apiUrl: e.DISCORD_API_URL,
          privateThreads: e.DISCORD_PRIVATE_THREADS,
          shards: e.DISCORD_SHARDS === 'auto' ? 'auto' : Number(e.DISCORD_SHARDS),
          shardSpawnDelayMs: e.DISCORD_SHARD_SPAWN_DELAY_MS,
          connectTimeoutMs: e.CONNECT_TIMEOUT_MS,
        }
      : null,
    slack:
      e.SLACK_BOT_TOKEN || oauth
        ? {
            botToken: e.SLACK_BOT_TOKEN,
            oauth,
            signingSecret: e.SLACK_SIGNING_SECRET,
            appToken: e.SLACK_APP_TOKEN,
            apiUrl: e.SLACK_API_URL,
            port: e.PORT,
            connectTimeoutMs: e.CONNECT_TIMEOUT_MS,
          }
        : null,
    connectTimeoutMs: e.CONNECT_TIMEOUT_MS,
    platform: { timeoutMs: e.PLATFORM_TIMEOUT_MS, maxRetries: e.PLATFORM_MAX_RETRIES },
    ops: {
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      healthPort: e.HEALTH_PORT,
      port: e.PORT,
      storeCheckMs: e.STORE_CHECK_MS,
      logAnswerText: e.LOG_ANSWER_TEXT,
    },
    reminderSweepMs: e.REMINDER_SWEEP_MS,
    charts: e.CHARTS === 'on',
  };
}

/** The OAuth install flow's settings, or null in single-workspace (token) mode. */
function slackOAuth(e: z.infer<typeof EnvSchema>): SlackOAuthConfig | null {
  if (!e.SLACK_CLIENT_ID) return null;
  const fix = '  fix: see README "Many workspaces"';
  if (e.SLACK_BOT_TOKEN) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN (one workspace) and SLACK_CLIENT_ID (many workspaces, OAuth) are both set.\n  fix: keep one of them; with SLACK_CLIENT_ID each workspace's token comes from its installation`,
    );
  }
  const missing = (
    ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_SIGNING_SECRET'] as const
  ).filter((name) => !e[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      `SLACK_CLIENT_ID is set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not.\n${fix}`,
    );
  }
  if (e.SLACK_APP_TOKEN) {
    throw new ConfigError(
      `the OAuth install flow (SLACK_CLIENT_ID) runs in HTTP mode; SLACK_APP_TOKEN (Socket Mode) is set.\n${fix}: remove SLACK_APP_TOKEN`,
    );
  }
  const scopes = e.SLACK_SCOPES.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return {
    clientId: e.SLACK_CLIENT_ID,
    clientSecret: e.SLACK_CLIENT_SECRET!,
    stateSecret: e.SLACK_STATE_SECRET!,
    scopes,
    redirectUri: e.SLACK_REDIRECT_URI,
  };
}

const ConfigSchema = EnvSchema.transform(toConfig);
