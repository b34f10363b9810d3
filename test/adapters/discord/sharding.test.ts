/**
 * `npm run start:sharded` against the fake Discord: the launcher (a real child process) asks
 * the configured REST API how many shards to run (`GET /gateway/bot` recommends 2), discord.js's
 * ShardingManager starts one process per shard, and each shard connects to the gateway and
 * identifies with its own shard id; SIGTERM stops every shard cleanly (close 1000) and the
 * launcher exits 0.
 *
 * Then, with the state in a PostgreSQL schema of the test's own (and Redis for coordination):
 * the fake gateway routes a server's events as Discord does, to shard `(guild_id >> 22) % 2`;
 * an interview started there is handled by that shard only; the shard's process is killed
 * (SIGKILL), discord.js respawns it as a new process, which identifies as the same shard and
 * carries on the interview from the shared store, knowing nothing of it in memory.
 *
 * Not covered here: `auto` against discord.com itself.
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnTsx } from '../../../bench/support/tsx-child.ts';
import { shardOf } from '../../fakes/discord/gateway.ts';
import { type FakeDiscord, startFakeDiscord } from '../../fakes/discord/server.ts';
import { databaseUrl, dropSchemas, inSchema, uniqueSchema } from '../../store/postgres-helpers.ts';
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

interface Launched {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Every JSON log line the launcher and its shards printed so far. */
  logs: Record<string, unknown>[];
  output(): string;
}

function launch(env: NodeJS.ProcessEnv): Launched {
  const child = spawnTsx(LAUNCHER, [], { env });
  let text = '';
  const logs: Record<string, unknown>[] = [];
  let partial = '';
  const take = (chunk: string) => {
    text += chunk;
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('{')) logs.push(JSON.parse(line) as Record<string, unknown>);
    }
  };
  child.stdout?.setEncoding('utf8').on('data', take);
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, logs, output: () => text };
}

describe.skipIf(!redisUrl || !databaseUrl)(
  'Discord shards: routing by server, respawn, shared state (needs REDIS_URL and DATABASE_URL)',
  () => {
    const schema = uniqueSchema('shards');
    let fake: FakeDiscord | undefined;

    afterAll(async () => {
      await fake?.close();
      await dropSchemas(schema);
    });

    it("handles a server's events on the shard that owns it, and carries on after that shard is respawned", async () => {
      fake = await startFakeDiscord({ recommendedShards: 2 });
      const discord = fake;
      const base = { ...process.env };
      for (const name of ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'SLACK_BOT_TOKEN', 'DATABASE_PATH'])
        delete base[name];
      const launched = launch({
        ...base,
        DISCORD_TOKEN: discord.token,
        DISCORD_API_URL: discord.apiUrl,
        DISCORD_PRIVATE_THREADS: 'false',
        REDIS_URL: redisUrl!,
        DATABASE_URL: databaseUrl!,
        DATABASE_SCHEMA: schema,
        KNOWLEDGE_DIR: 'test/fixtures/knowledge-mini',
        DISCORD_SHARDS: 'auto',
        DISCORD_SHARD_SPAWN_DELAY_MS: '0',
        LOG_LEVEL: 'info',
      });
      const turns = () => launched.logs.filter((l) => l.msg === 'turn');
      const failed = launched.exited.then((code) => {
        throw new Error(`launcher exited (${code}): ${launched.output()}`);
      });
      const guildId = discord.world.guild.id;
      const owner = shardOf(guildId, 2);
      try {
        await Promise.race([discord.until(() => discord.gateway.readyCount() === 2), failed]);
        // The server (READY's list, GUILD_CREATE) went to its own shard only.
        const guildCreates = discord.gateway.record.dispatches.filter(
          (d) => d.event === 'GUILD_CREATE',
        );
        expect(guildCreates).toEqual([{ event: 'GUILD_CREATE', shard: owner }]);

        // /interview start in the server: one shard acts on it, the owner.
        const ana = discord.user('ana');
        const start = discord.slashCommand({
          user: ana,
          subcommand: 'start',
          options: { scenario: 'mini-recsys', mode: 'interview', language: 'en' },
        });
        await Promise.race([
          discord.waitForCall((c) => c.route === 'webhook-edit' && c.params.token === start.token),
          failed,
        ]);
        const thread = discord.world.threads()[0]!;
        expect(thread.guild_id).toBe(guildId);
        await Promise.race([discord.until(() => turns().length >= 1), failed]);
        const [startTurn] = turns();
        expect(startTurn).toMatchObject({ shard: String(owner) });
        const firstPid = startTurn!.pid as number;
        const sent = discord.gateway.record.dispatches.filter(
          (d) => d.event === 'INTERACTION_CREATE',
        );
        expect(sent).toEqual([{ event: 'INTERACTION_CREATE', shard: owner }]);

        // The owner's process dies; discord.js starts another for the same shard.
        const identified = discord.gateway.record.identifies.length;
        process.kill(firstPid, 'SIGKILL');
        await Promise.race([
          discord.until(
            () =>
              discord.gateway.record.identifies.length > identified &&
              discord.gateway.readyCount() === 2,
          ),
          failed,
        ]);
        expect(discord.gateway.record.identifies.at(-1)?.shard).toEqual([owner, 2]);

        // The candidate answers in the thread: the new process of the owner shard takes the
        // turn, from the interview it finds in the shared store.
        const before = discord.lastSeq();
        discord.say({ user: ana, channel: thread, content: 'We track watch time per session.' });
        const reply = await Promise.race([
          discord.waitForCall(
            (c) =>
              c.route === 'channel-message' && c.params.channel === thread.id && c.body.components,
            before,
          ),
          failed,
        ]);
        expect(reply.body.content).not.toMatch(/no interview/i);
        await Promise.race([discord.until(() => turns().length >= 2), failed]);
        const answerTurn = turns()[1]!;
        expect(answerTurn).toMatchObject({ shard: String(owner) });
        expect(answerTurn.pid).not.toBe(firstPid);
        // Every event of the server went to the owner; the other shard took no turn.
        const serverEvents = discord.gateway.record.dispatches.filter((d) =>
          ['INTERACTION_CREATE', 'MESSAGE_CREATE', 'THREAD_CREATE'].includes(d.event),
        );
        expect(new Set(serverEvents.map((d) => d.shard))).toEqual(new Set([owner]));
        expect(turns().every((t) => t.shard === String(owner))).toBe(true);
        const stored = await inSchema<{ turn_count: number }>(
          schema,
          'SELECT turn_count FROM interviews',
        );
        expect(stored).toHaveLength(1);
        expect(stored[0]!.turn_count).toBeGreaterThan(1);
      } finally {
        launched.child.kill('SIGTERM');
      }
      expect(await launched.exited).toBe(0);
    }, 120_000);
  },
);
