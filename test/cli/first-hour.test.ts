/**
 * What a newcomer runs into in a terminal interview: commands with words after them, a lone
 * "/", an interview ended before any answer, /export where nothing can be written, and the
 * `ml-interviewer` bin whose --json output is pure JSON.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cliEnv, runCli, runCliIn } from './run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'mli-first-hour-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const envFor = (name: string) =>
  cliEnv({
    DATABASE_PATH: path.join(dir, `${name}.sqlite`),
    KNOWLEDGE_DIR: path.join(ROOT, 'knowledge'),
  });

describe('chat', () => {
  it('"/hint please" is /hint, a lone "/" is refused, "/end now" ends; none is an answer', async () => {
    const script = ['/hint please', '/', '/end now'].join('\n');
    const result = await runCli(
      ['chat', '--scenario', 'churn-prediction'],
      envFor('slash'),
      `${script}\n`,
    );
    expect(result.stdout).toContain('Hint 1 of');
    expect(result.stdout).toContain(
      '"/" is not a command, and a line starting with "/" is never taken as an answer.',
    );
    // Nothing was answered: no invented score, no scorecard.
    expect(result.stdout).toContain(
      'Not enough to judge: no stage was answered, so there is no score.',
    );
    expect(result.stdout).not.toContain('Scorecard');
    expect(result.stdout).not.toMatch(/Strong no hire/i);
    expect(result.code).toBe(0);
  });

  it('/history does not count an interview that ended without answers', async () => {
    const env = envFor('history');
    await runCli(['chat', '--scenario', 'churn-prediction'], env, '/end\n');
    const result = await runCli(['chat', '--scenario', 'search-ranking'], env, '/history\n/quit\n');
    expect(result.stdout).not.toMatch(/churn/i);
  });

  it('/export into a folder that cannot be written says so and the interview goes on', async () => {
    const script = [
      'We predict churn within 30 days because retention offers need lead time.',
      '/export',
      '/end',
    ].join('\n');
    // The working folder is where /export writes: here one nobody may write to.
    const result = await runCliIn(
      '/sys/kernel',
      ['chat', '--scenario', 'churn-prediction'],
      envFor('export'),
      `${script}\n`,
    );
    expect(result.stdout).toMatch(
      /Could not write \/sys\/kernel\/ml-interview-churn-prediction-.*\.md \((EACCES|EPERM|EROFS)\)\. The interview goes on/,
    );
    expect(result.stdout).toContain('Scorecard');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('the ml-interviewer bin', () => {
  it('prints pure JSON with --json (no npm banner)', () => {
    const run = (args: string[], input = '') =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/ml-interviewer.js'), ...args], {
        cwd: ROOT,
        env: envFor('bin'),
        input,
        encoding: 'utf8',
      });
    const scenarios = run(['scenarios', '--json']);
    expect(JSON.parse(scenarios.stdout)).toHaveLength(17);
    const scored = run(
      ['score', '--scenario', 'fraud-detection', '--stage', 'requirements', '--json'],
      'We frame it as a binary classifier on each transaction because chargebacks arrive late.',
    );
    expect(JSON.parse(scored.stdout)).toMatchObject({
      scenario: 'fraud-detection',
      scorer: 'offline',
    });
    expect(scored.status).toBe(0);
  });
});
