/**
 * PLATFORM_TIMEOUT_MS / PLATFORM_MAX_RETRIES reach the platform clients: Slack's real WebClient
 * gives up on a Web API that does not answer (instead of retrying for half an hour), and the
 * discord.js client's REST carries the same limits.
 */
import { webApi } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createDiscordClient } from '../../src/adapters/discord/client.ts';
import { loadConfig } from '../../src/config.ts';
import { discordRestLimits, slackClientOptions } from '../../src/ops/platform-limits.ts';
import { FakeSlackWebApi } from '../fakes/slack/web-api.ts';

const TOKEN = 'xoxb-limits';

describe('platform call limits', () => {
  it('Slack: a Web API call that gets no answer fails after the timeout, retried as configured', async () => {
    const fake = await new FakeSlackWebApi({ botToken: TOKEN }).start();
    try {
      const config = loadConfig({ PLATFORM_TIMEOUT_MS: '2000', PLATFORM_MAX_RETRIES: '1' });
      const client = new webApi.WebClient(TOKEN, {
        slackApiUrl: `${fake.apiUrl.replace(/\/$/, '')}/`,
        ...slackClientOptions(config.platform),
        retryConfig: {
          ...slackClientOptions(config.platform).retryConfig,
          minTimeout: 10,
          maxTimeout: 20,
        },
      });
      const releaseFirst = fake.hold('chat.postMessage');
      const releaseSecond = fake.hold('chat.postMessage');
      await expect(client.chat.postMessage({ channel: 'C1', text: 'hi' })).rejects.toThrow();
      // One attempt and one retry, both cut by the timeout.
      expect(fake.callsOf('chat.postMessage')).toHaveLength(2);
      releaseFirst();
      releaseSecond();
    } finally {
      await fake.stop();
    }
  });

  it('Discord: the REST client has the configured timeout and retries', async () => {
    const config = loadConfig({ PLATFORM_TIMEOUT_MS: '4000', PLATFORM_MAX_RETRIES: '1' });
    const client = createDiscordClient({ apiUrl: undefined }, discordRestLimits(config.platform));
    try {
      expect(client.rest.options.timeout).toBe(4000);
      expect(client.rest.options.retries).toBe(1);
    } finally {
      await client.destroy();
    }
  });

  it('defaults: 10 s and 2 retries', () => {
    expect(loadConfig({}).platform).toEqual({ timeoutMs: 10_000, maxRetries: 2 });
  });
});
