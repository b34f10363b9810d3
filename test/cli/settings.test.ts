/**
 * Settings the Node way: `.env` read at start-up (the environment wins, empty values are
 * unset), `.env.example` usable as it is, and `config` / `doctor` showing where each value came
 * from and whether each service works. The CLI runs as a child process from a folder of its own.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTING_NAMES, loadConfig } from '../../src/config.ts';
import { loadEnvironment } from '../../src/env-file.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/server.ts';
import { FakeSlackWebApi } from '../fakes/slack/web-api.ts';
import { type FakeOpenAIServer, startFakeOpenAI } from '../fakes/openai-server.ts';
import { ROOT, cliEnv, runCliIn } from './run-cli.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A working folder with the given `.env` (and the repo's knowledge reachable by path). */
function folderWith(dotEnv: string | null): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mli-settings-'));
  dirs.push(dir);
  if (dotEnv !== null) writeFileSync(path.join(dir, '.env'), dotEnv);
  return dir;
}

const base = (dir: string, extra: Record<string, string> = {}) =>
  cliEnv({
    KNOWLEDGE_DIR: path.join(ROOT, 'knowledge'),
    DATABASE_PATH: path.join(dir, 'db.sqlite'),
    LOG_LEVEL: '',
    ...extra,
  });

/** The environment without these variables at all, so a `.env` may provide them. */
function without(env: NodeJS.ProcessEnv, ...names: string[]): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of names) delete copy[name];
  return copy;
}

/** The line of `config` output for one variable: [value, source]. */
function row(output: string, name: string): [string, string] | null {
  const line = output.split('\n').find((l) => l.trimStart().startsWith(`${name} `));
  if (!line) return null;
  const parts = line.trim().split(/\s{2,}/);
  return [parts[1] ?? '', parts[2] ?? ''];
}

describe('.env', () => {
  it('is read from the working folder; the environment wins over it; secrets are masked', async () => {
    const dir = folderWith(
      'INTERVIEW_LANG=zh\nOPENAI_MODEL=from-file\nDISCORD_TOKEN=abcdefghijklmnopqrstuvwxyz\nLOG_LEVEL=\n',
    );
    const result = await runCliIn(
      dir,
      ['config'],
      without(base(dir, { OPENAI_MODEL: 'from-env' }), 'INTERVIEW_LANG', 'DISCORD_TOKEN'),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`.env: ${path.join(dir, '.env')} (2 settings from it`);
    expect(row(result.stdout, 'INTERVIEW_LANG')).toEqual(['zh', '.env']);
    expect(row(result.stdout, 'OPENAI_MODEL')).toEqual(['from-env', 'environment']);
    expect(row(result.stdout, 'DISCORD_TOKEN')).toEqual(['abcde… (26 characters, hidden)', '.env']);
    expect(result.stdout).not.toContain('abcdefghijklmnopqrstuvwxyz');
    // Empty (here in the environment, which wins): unset, so the default.
    expect(row(result.stdout, 'LOG_LEVEL')).toEqual(['(not set)', 'default']);
  });

  it('changes what the terminal interview does (INTERVIEW_LANG=zh)', async () => {
    const dir = folderWith('INTERVIEW_LANG=zh\n');
    const result = await runCliIn(
      dir,
      ['chat', '--scenario', 'churn-prediction'],
      without(base(dir), 'INTERVIEW_LANG'),
      '/quit\n',
    );
    expect(result.stdout).toMatch(/^存储：/);
  });

  it('.env.example works as it is (cp .env.example .env) and lists every variable', async () => {
    const example = readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    expect(() => loadConfig(parseEnv(example))).not.toThrow();
    expect(SETTING_NAMES.filter((name) => !(name in parseEnv(example)))).toEqual([]);
    const dir = folderWith(null);
    copyFileSync(path.join(ROOT, '.env.example'), path.join(dir, '.env'));
    const result = await runCliIn(dir, ['config'], base(dir));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('a bad value in .env names the variable and the fix', async () => {
    const dir = folderWith('LLM_RPM=lots\n');
    const result = await runCliIn(dir, ['chat', '--scenario', 'churn-prediction'], base(dir));
    expect(result.stderr).toMatch(
      /^invalid setting:\n {2}LLM_RPM="lots": .*\n {2}fix: correct it in \.env/,
    );
    expect(result.code).toBe(1);
  });

  it('loadEnvironment: file values only where the environment has none', () => {
    const dir = folderWith('A=from-file\nB=from-file\n');
    const loaded = loadEnvironment({ B: 'from-env' }, path.join(dir, '.env'));
    expect(loaded.env).toMatchObject({ A: 'from-file', B: 'from-env' });
    expect([...loaded.fromFile]).toEqual(['A']);
    expect(loadEnvironment({}, path.join(dir, 'missing')).file).toBeNull();
  });
});

describe('doctor', () => {
  let discord: FakeDiscord;
  let slack: FakeSlackWebApi;
  let llm: FakeOpenAIServer;
  beforeAll(async () => {
    discord = await startFakeDiscord();
    slack = await new FakeSlackWebApi({ botToken: 'xoxb-right' }).start();
    llm = await startFakeOpenAI();
  });
  afterAll(async () => {
    await discord.close();
    await slack.stop();
    await llm.close();
  });

  it('checks every configured service and says what to fix', async () => {
    const dir = folderWith(null);
    const result = await runCliIn(
      dir,
      ['doctor'],
      base(dir, {
        OPENAI_BASE_URL: llm.url,
        DISCORD_TOKEN: 'wrong-token',
        DISCORD_API_URL: discord.apiUrl,
        SLACK_BOT_TOKEN: 'xoxb-right',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_API_URL: slack.apiUrl,
      }),
    );
    const out = result.stdout;
    expect(out).toMatch(/ok {4}knowledge +17 scenarios/);
    expect(out).toMatch(/ok {4}store \(sqlite\) +sqlite .*db\.sqlite/);
    expect(out).toMatch(/off {3}Redis +not configured/);
    expect(out).toMatch(/off {3}PostgreSQL +not configured/);
    expect(out).toMatch(
      /FAIL {2}Discord +DISCORD_TOKEN: Discord rejected the bot token \(401 Unauthorized\)\n +fix: copy the token again/,
    );
    expect(out).toMatch(/ok {4}Slack +the bot token works/);
    expect(out).toMatch(/(ok|FAIL) {2,4}LLM +/);
    expect(result.code).toBe(1);
  });

  it('with nothing configured: all checks pass, services off', async () => {
    const dir = folderWith(null);
    const result = await runCliIn(dir, ['doctor'], base(dir));
    expect(result.stdout).toMatch(
      /off {3}LLM +not configured: the offline interviewer and scorer run/,
    );
    expect(result.code).toBe(0);
  });
});
