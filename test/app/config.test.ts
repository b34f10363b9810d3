import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('loadConfig', () => {
  it('defaults to the terminal, sqlite and the offline path', () => {
    const config = loadConfig({});
    expect(config.discord).toBeNull();
    expect(config.slack).toBeNull();
    expect(config.llm.endpoint).toBeNull();
    expect(config.store).toEqual({
      redisUrl: undefined,
      databasePath: './data/ml-interviewer.sqlite',
      databaseUrl: undefined,
      databaseSchema: 'public',
      retentionDays: 180,
      timeouts: { connectTimeoutMs: 5000, commandTimeoutMs: 5000 },
    });
  });

  it('reads the PostgreSQL store, retention and store deadlines, and refuses a wrong URL', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://bot:pw@db:5432/interviews',
      DATABASE_SCHEMA: 'mli',
      RETENTION_DAYS: '0',
      STORE_TIMEOUT_MS: '2000',
    });
    expect(config.store).toMatchObject({
      databaseUrl: 'postgres://bot:pw@db:5432/interviews',
      databaseSchema: 'mli',
      retentionDays: 0,
      timeouts: { connectTimeoutMs: 5000, commandTimeoutMs: 2000 },
    });
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ RETENTION_DAYS: '-1' })).toThrow(/RETENTION_DAYS/);
  });

  it('turns the LLM on with a base URL alone (local servers need no key)', () => {
    const config = loadConfig({
      OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1',
      OPENAI_MODEL: 'qwen',
    });
    expect(config.llm.endpoint).toEqual({
      apiKey: 'not-needed',
      baseURL: 'http://127.0.0.1:11434/v1',
      model: 'qwen',
    });
  });

  it('gives the judge the interviewer settings unless JUDGE_* says otherwise, part by part', () => {
    const interviewer = { OPENAI_API_KEY: 'sk-int', OPENAI_MODEL: 'gpt-4o-mini' };
    expect(loadConfig(interviewer).llm.judge).toEqual({
      apiKey: 'sk-int',
      baseURL: undefined,
      model: 'gpt-4o-mini',
    });
    expect(loadConfig({ ...interviewer, JUDGE_MODEL: 'gpt-4.1' }).llm.judge).toEqual({
      apiKey: 'sk-int',
      baseURL: undefined,
      model: 'gpt-4.1',
    });
    const apart = loadConfig({
      ...interviewer,
      JUDGE_BASE_URL: 'http://127.0.0.1:8000/v1',
      JUDGE_API_KEY: 'judge-key',
      JUDGE_MODEL: 'qwen2.5-72b',
    });
    expect(apart.llm.judge).toEqual({
      apiKey: 'judge-key',
      baseURL: 'http://127.0.0.1:8000/v1',
      model: 'qwen2.5-72b',
    });
    expect(apart.llm.endpoint?.model).toBe('gpt-4o-mini');
    // A judge alone (no interviewer LLM) is enough for SCORER=llm.
    const judgeOnly = loadConfig({ JUDGE_BASE_URL: 'http://127.0.0.1:8000/v1', SCORER: 'llm' });
    expect(judgeOnly.llm.endpoint).toBeNull();
    expect(judgeOnly.llm.judge?.model).toBe('gpt-4o-mini');
    expect(loadConfig({}).llm.judge).toBeNull();
  });

  it('samples the judge 3 times at 0.7 by default; SCORER_SAMPLES still works; prices go in pairs', () => {
    const llm = loadConfig({ OPENAI_API_KEY: 'k' }).llm;
    expect([llm.scorerSamples, llm.judgeTemperature, llm.judgePrice]).toEqual([3, 0.7, null]);
    expect(loadConfig({ SCORER_SAMPLES: '5' }).llm.scorerSamples).toBe(5);
    expect(loadConfig({ SCORER_SAMPLES: '5', JUDGE_SAMPLES: '1' }).llm.scorerSamples).toBe(1);
    expect(loadConfig({ JUDGE_TEMPERATURE: '' }).llm.judgeTemperature).toBe(0.7);
    expect(() => loadConfig({ JUDGE_TEMPERATURE: '3' })).toThrow(/JUDGE_TEMPERATURE/);
    expect(() => loadConfig({ JUDGE_SAMPLES: '0' })).toThrow(/JUDGE_SAMPLES/);
    expect(
      loadConfig({ JUDGE_PRICE_INPUT_PER_MTOK: '0.15', JUDGE_PRICE_OUTPUT_PER_MTOK: '0.6' }).llm
        .judgePrice,
    ).toEqual({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
    expect(() => loadConfig({ JUDGE_PRICE_INPUT_PER_MTOK: '0.15' })).toThrow(/go together/);
  });

  it('names the variable and the problem for a bad value', () => {
    expect(() => loadConfig({ LLM_RPM: 'lots' })).toThrow(/LLM_RPM/);
    expect(() => loadConfig({ REDIS_URL: 'not a url' })).toThrow(/REDIS_URL/);
  });

  it('refuses Slack without a way to receive events, and SCORER=llm without an LLM', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ SCORER: 'llm' })).toThrow(/SCORER=llm needs an LLM/);
  });
});
