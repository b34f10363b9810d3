/**
 * `npm run start:sharded` against the fake Discord: the launcher (a real child process) asks
 * the configured REST API how many shards to run (`GET /gateway/bot` recommends 2), discord.js's
 * ShardingManager starts one process per shard, and each shard connects to the gateway and
 * identifies with its own shard id; SIGTERM stops every shard cleanly (close 1000) and the
 * launcher exits 0.
 *
 * Not covered here (the fake gateway cannot show it): Discord routing each server's events to
 * one shard (the fake sends every event to every connection), respawning a crashed shard, and
 * `auto` against discord.com itself.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnTsx } from '../../../bench/support/tsx-child.ts';
import { type FakeDiscord, startFakeDiscord } from '../../fakes/discord/server.ts';
import { redisUrl } from '../../store/redis-helpers.ts';

const LAUNCHER = fileURLToPath(new URL('../../../src/sharded.ts', import.meta.url));

describe.skipIf(!redisUrl)('Discord sharding launcher (needs REDIS_URL)', () => {
  let fake: FakeDiscord | undefined;

  afterAll(async () => {
    await fake?.close();
  });

  it('starts the recommended number of shards, each identifying as its shard, and stops them', async () => {
    fake = await startFakeDiscord({ recommendedShards: 2 });
    const base = { ...process.env };
    for (const name of [
      'OPENAI_API_KEY',
      'OPENAI_BASE_URL',
      'SLACK_BOT_TOKEN',
      'DATABASE_PATH',
      'DATABASE_URL',
    ])
      delete base[name];
    const launcher = spawnTsx(LAUNCHER, [], {
      env: {
        ...base,
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        REDIS_URL: redisUrl!,
        KNOWLEDGE_DIR: 'test/fixtures/knowledge-mini',
        DISCORD_SHARDS: 'auto',
        DISCORD_SHARD_SPAWN_DELAY_MS: '0',
        LOG_LEVEL: 'info',
      },
    });
    let output = '';
    launcher.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    launcher.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => launcher.once('exit', resolve));
    try {
      await Promise.race([
        fake.until(() => fake!.gateway.readyCount() === 2),
        exited.then((code) => {
          throw new Error(`launcher exited (${code}) before the shards were ready: ${output}`);
        }),
      ]);
      const shards = fake.gateway.record.identifies.map((i) => i.shard as [number, number]);
      expect(shards.sort((x, y) => x[0] - y[0])).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect(fake.gateway.record.identifies.every((i) => i.token === fake!.token)).toBe(true);
    } finally {
      launcher.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // Each shard closed its gateway connection itself (1000), none was cut off.
    await fake.until(() => fake!.gateway.record.closes.length >= 2);
    expect(fake.gateway.record.closes, output).toEqual([1000, 1000]);
  }, 90_000);
});
