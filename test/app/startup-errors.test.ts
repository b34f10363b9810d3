/**
 * Every start-up error a user can cause, through `npm start`'s entry point in a child process:
 * one message naming the setting and the fix, no stack trace, exit code 1. The time each takes
 * is printed (a figure, not an assertion).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/server.ts';
import { FakeSlackWebApi } from '../fakes/slack/web-api.ts';
import { cliEnv, runCli, runMain } from '../cli/run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'mli-startup-'));
const aFile = path.join(dir, 'a-file');
writeFileSync(aFile, 'not a folder');
const figures: string[] = [];
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(`start-up errors, time to the message:\n${figures.join('\n')}`);
});

/** Asserts the one-error style and records the time it took. */
function expectOneError(
  label: string,
  result: { code: number | null; stderr: string; elapsedMs?: number },
  message: RegExp,
) {
  if (result.elapsedMs !== undefined) figures.push(`  ${label}: ${result.elapsedMs} ms`);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toMatch(/\n {2}fix: /);
  expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect(result.stderr).not.toMatch(/"level":/); // no JSON log lines
  expect(result.code).toBe(1);
}

/** A port nothing listens on (fetch refuses some low ports outright, so not port 1). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const env = (extra: Record<string, string>) =>
  cliEnv({ DATABASE_PATH: path.join(dir, 'ok.sqlite'), LOG_LEVEL: '', ...extra });

describe('DATABASE_PATH', () => {
  it('under a file', async () => {
    const result = await runMain(env({ DATABASE_PATH: path.join(aFile, 'db.sqlite') }));
    expectOneError(
      'DATABASE_PATH under a file',
      result,
      /^DATABASE_PATH: part of the folder .*a-file is a file, not a folder/,
    );
  });

  it('in /sys', async () => {
    const result = await runMain(env({ DATABASE_PATH: '/sys/ml-interviewer/db.sqlite' }));
    expectOneError(
      'DATABASE_PATH in /sys',
      result,
      /^DATABASE_PATH: cannot create the folder \/sys\/ml-interviewer: (permission denied|the file system is read-only)/,
    );
  });

  it('in a folder that cannot be written', async () => {
    const result = await runMain(env({ DATABASE_PATH: '/sys/kernel/db.sqlite' }));
    expectOneError(
      'DATABASE_PATH read-only',
      result,
      /^DATABASE_PATH: cannot open the sqlite file \/sys\/kernel\/db\.sqlite \(SQLITE_CANTOPEN/,
    );
  });

  it('the stack is there with LOG_LEVEL=debug', async () => {
    const result = await runMain(
      env({ DATABASE_PATH: path.join(aFile, 'db.sqlite'), LOG_LEVEL: 'debug' }),
    );
    expect(result.stderr).toMatch(/^\s+at /m);
  });
});

describe.skipIf(!process.env.REDIS_URL)('REDIS_URL (needs a Redis server)', () => {
  it('a database the server does not have fails at once, in one line', async () => {
    const url = new URL(process.env.REDIS_URL!);
    url.pathname = '/99';
    const result = await runMain(env({ REDIS_URL: url.toString() }));
    expectOneError(
      'REDIS_URL db 99',
      result,
      /^REDIS_URL: cannot use Redis at .*\/99 \(ERR DB index is out of range\)\.\n {2}fix: use a database number/,
    );
  });
});

it('REDIS_URL on a closed port', async () => {
  const result = await runMain(env({ REDIS_URL: 'redis://127.0.0.1:1' }));
  expectOneError('REDIS_URL refused', result, /^REDIS_URL: cannot use Redis at .*ECONNREFUSED/);
});

describe('Discord', () => {
  let discord: FakeDiscord;
  beforeAll(async () => {
    discord = await startFakeDiscord();
  });
  afterAll(() => discord.close());

  it('a bad token', async () => {
    const result = await runMain(
      env({ DISCORD_TOKEN: 'not-the-token', DISCORD_API_URL: discord.apiUrl }),
    );
    expectOneError(
      'bad Discord token',
      result,
      /^DISCORD_TOKEN: Discord rejected the bot token \(401 Unauthorized\)\.\n {2}fix: copy the token again/,
    );
  });

  it('a token in .env starts the bot (here: refused), not the terminal', async () => {
    const folder = mkdtempSync(path.join(dir, 'dotenv-'));
    writeFileSync(
      path.join(folder, '.env'),
      `DISCORD_TOKEN=token-from-dotenv\nDISCORD_API_URL=${discord.apiUrl}\n`,
    );
    const environment = env({ KNOWLEDGE_DIR: path.resolve('knowledge') });
    delete environment.DISCORD_TOKEN;
    const result = await runMain(environment, { cwd: folder });
    expectOneError('bad Discord token from .env', result, /^DISCORD_TOKEN: Discord rejected/);
    expect(result.stdout).not.toContain('Pick a scenario');
  });

  it('unreachable', async () => {
    const port = await closedPort();
    const result = await runMain(
      env({ DISCORD_TOKEN: 'any', DISCORD_API_URL: `http://127.0.0.1:${port}/api` }),
    );
    expectOneError(
      'Discord unreachable',
      result,
      new RegExp(
        `^DISCORD_API_URL: cannot reach Discord at http://127\\.0\\.0\\.1:${port}/api \\(ECONNREFUSED\\)`,
      ),
    );
  });
});

describe('Slack', () => {
  let fake: FakeSlackWebApi;
  beforeAll(async () => {
    fake = await new FakeSlackWebApi({ botToken: 'xoxb-right' }).start();
  });
  afterAll(() => fake.stop());

  it('invalid_auth', async () => {
    const result = await runMain(
      env({
        SLACK_BOT_TOKEN: 'xoxb-wrong',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
      }),
    );
    expectOneError(
      'Slack invalid_auth',
      result,
      /^SLACK_BOT_TOKEN: Slack rejected the bot token \(invalid_auth\)\.\n {2}fix: copy the Bot User OAuth Token/,
    );
  });

  it('unreachable: at once, without the client retrying', async () => {
    const port = await closedPort();
    const result = await runMain(
      env({
        SLACK_BOT_TOKEN: 'xoxb-any',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
        PORT: '0',
      }),
    );
    expectOneError(
      'Slack unreachable',
      result,
      new RegExp(
        `^SLACK_API_URL: cannot reach Slack at http://127\\.0\\.0\\.1:${port}/api/ \\(ECONNREFUSED\\)`,
      ),
    );
  });

  it('listening but never answering: ends after CONNECT_TIMEOUT_MS', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const result = await runMain(
        env({
          SLACK_BOT_TOKEN: 'xoxb-any',
          SLACK_SIGNING_SECRET: 'secret',
          SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
          PORT: '0',
          CONNECT_TIMEOUT_MS: '2000',
        }),
      );
      expectOneError(
        'Slack silent (CONNECT_TIMEOUT_MS=2000)',
        result,
        /^SLACK_API_URL: (Slack did not answer within 2 s|cannot reach Slack at .* \(timeout)/i,
      );
    } finally {
      silent.close();
    }
  });
});

describe('the CLI', () => {
  it('a bad setting: the variable, the value and the fix, no stack', async () => {
    const result = await runCli(
      ['chat', '--scenario', 'churn-prediction'],
      env({ LLM_RPM: 'lots' }),
    );
    expectOneError('bad LLM_RPM', result, /^invalid setting:\n {2}LLM_RPM="lots": /);
  });

  it('an unknown --scenario: the message alone, no SQLITE_MISUSE warning', async () => {
    const result = await runCli(['chat', '--scenario', 'churn-predction'], env({}));
    expect(result.stdout).toMatch(/There is no scenario "churn-predction"/);
    expect(result.stderr).not.toMatch(/SQLITE_MISUSE/);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(2);
  });
});
