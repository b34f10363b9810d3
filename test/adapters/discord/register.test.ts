/**
 * `npm run cli -- discord-register [--guild ID]` against the fake Discord: the application is
 * looked up with the bot token, then the command list is PUT (guild or global).
 */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCommand } from '../../../src/adapters/discord/register.ts';
import type { CliIO } from '../../../src/io.ts';
import { runCli } from '../../../src/cli.ts';
import { type FakeDiscord, startFakeDiscord } from '../../fakes/discord/server.ts';

function captureIO(env: NodeJS.ProcessEnv): CliIO & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => {
    out += chunk;
  });
  stderr.on('data', (chunk) => {
    err += chunk;
  });
  return { stdin: new PassThrough(), stdout, stderr, env, out: () => out, err: () => err };
}

describe('discord-register', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await startFakeDiscord();
  });
  afterAll(async () => {
    await discord.close();
  });
  const env = () => ({ DISCORD_TOKEN: discord.token, DISCORD_API_URL: discord.apiUrl });

  it('registers /interview for one server with --guild (through the CLI dispatcher)', async () => {
    const io = captureIO(env());
    const seq = discord.lastSeq();
    const code = await runCli(['discord-register', '--guild', discord.world.guild.id], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const calls = discord.calls.filter((c) => c.seq > seq);
    expect(calls.map((c) => `${c.method} ${c.route}`)).toEqual([
      'GET current-application',
      'PUT put-guild-commands',
    ]);
    expect(calls[1]!.params).toEqual({
      app: discord.world.applicationId,
      guild: discord.world.guild.id,
    });
    const [command] = calls[1]!.body as {
      name: string;
      options: {
        name: string;
        type: number;
        options?: { name: string; autocomplete?: boolean }[];
      }[];
    }[];
    expect(command!.name).toBe('interview');
    const subcommands = command!.options.map((o) => o.name);
    expect(subcommands).toEqual(
      expect.arrayContaining([
        'start',
        'followup',
        'hint',
        'next',
        'end',
        'scorecard',
        'history',
        'export',
        'scenarios',
      ]),
    );
    const start = command!.options.find((o) => o.name === 'start')!;
    expect(start.options!.find((o) => o.name === 'scenario')!.autocomplete).toBe(true);
    expect(io.out()).toContain(`Registered /interview for server ${discord.world.guild.id}`);
    // The invite link, with the permissions integer the README documents.
    expect(io.out()).toContain(
      `https://discord.com/oauth2/authorize?client_id=${discord.world.applicationId}&scope=bot+applications.commands&permissions=377957239808`,
    );
  });

  it('registers globally without --guild', async () => {
    const io = captureIO(env());
    const seq = discord.lastSeq();
    expect(await registerCommand([], io)).toBe(0);
    const put = discord.calls.find((c) => c.seq > seq && c.method === 'PUT')!;
    expect(put.route).toBe('put-global-commands');
    expect(discord.world.commands.get('global')?.map((c) => c.name)).toEqual(['interview']);
    expect(io.out()).toContain('globally');
  });

  it('says plainly when the token is missing or refused, or --guild is not an id', async () => {
    const missing = captureIO({});
    expect(await registerCommand([], missing)).toBe(1);
    expect(missing.err()).toContain('DISCORD_TOKEN is not set');

    const refused = captureIO({ ...env(), DISCORD_TOKEN: 'wrong-token' });
    expect(await registerCommand([], refused)).toBe(1);
    expect(refused.err()).toContain('Discord refused the token');

    const bad = captureIO(env());
    expect(await runCli(['discord-register', '--guild', 'general'], bad)).toBe(2);
    expect(bad.err()).toContain('--guild takes a server id');
  });
});
