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
    });
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

  it('names the variable and the problem for a bad value', () => {
    expect(() => loadConfig({ LLM_RPM: 'lots' })).toThrow(/LLM_RPM/);
    expect(() => loadConfig({ REDIS_URL: 'not a url' })).toThrow(/REDIS_URL/);
  });

  it('refuses Slack without a way to receive events, and SCORER=llm without an LLM', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ SCORER: 'llm' })).toThrow(/SCORER=llm needs an LLM/);
  });
});
