import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { STAGE_IDS } from '../../src/knowledge/schema.ts';

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const code = await runCli(argv, { stdin: new PassThrough(), stdout, stderr, env: {} });
  return { code, stdout: out, stderr: err };
}

describe('scenarios and stages commands', () => {
  it('lists the required scenarios as JSON', async () => {
    const { code, stdout } = await run(['scenarios', '--json']);
    expect(code).toBe(0);
    const ids = (JSON.parse(stdout) as { id: string }[]).map((s) => s.id);
    expect(ids.length).toBeGreaterThanOrEqual(15);
    for (const id of [
      'youtube-recommendation',
      'search-autosuggest',
      'violent-content-detection',
      'feed-engagement',
      'churn-prediction',
      'search-ranking',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('lists the 11 stages in framework order', async () => {
    const { code, stdout } = await run(['stages', '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { id: string }[]).map((s) => s.id)).toEqual([...STAGE_IDS]);
    const text = await run(['stages']);
    expect(text.stdout.split('\n')[0]).toContain('requirements');
  });

  it('rejects unknown commands and flags with a usage message', async () => {
    expect((await run(['frob'])).code).toBe(2);
    const bad = await run(['scenarios', '--colour']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('scenarios:');
  });
});
