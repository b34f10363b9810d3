import { describe, expect, it } from 'vitest';
import { longestTurnMs } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';

describe('how long a message waits behind a turn', () => {
  it('outlasts the slowest turn the LLM settings allow (two steps, all retries)', () => {
    const config = loadConfig({
      LLM_TIMEOUT_MS: '30000',
      LLM_MAX_RETRIES: '2',
      LLM_MAX_RETRY_AFTER_MS: '20000',
    });
    // One step: 3 attempts x 30 s + 2 retry-after waits x 20 s = 130 s; two steps = 260 s.
    expect(longestTurnMs(config)).toBeGreaterThan(260_000);
  });

  it('is never below two minutes', () => {
    expect(longestTurnMs(loadConfig({ LLM_TIMEOUT_MS: '1000', LLM_MAX_RETRIES: '0' }))).toBe(
      120_000,
    );
  });
});
