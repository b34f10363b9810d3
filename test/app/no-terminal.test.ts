/**
 * `npm start` with no platform token and no input (a container, a service): the terminal
 * interview has nobody to ask, so it says why nothing started and how to run a bot instead,
 * rather than exiting silently (and being restarted over and over).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, runMain } from '../cli/run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'mli-no-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm start without a terminal or a platform token', { timeout: 60_000 }, () => {
  it('says that no interview started and which settings run the bots', async () => {
    const result = await runMain(cliEnv({ DATABASE_PATH: path.join(dir, 'db.sqlite') }));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Pick a scenario');
    expect(result.stderr).toMatch(/Input ended before a scenario was picked: no interview started/);
    expect(result.stderr).toMatch(/DISCORD_TOKEN, or SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET/);
  });
});
