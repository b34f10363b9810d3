/** `audit-interviewer` through the real CLI: the table by default, one JSON object with --json. */
import { describe, expect, it } from 'vitest';
import { cliEnv, runCli } from './run-cli.ts';

describe('audit-interviewer (CLI)', () => {
  it('prints each rate, and the same figures as JSON', async () => {
    const args = ['audit-interviewer', '--scenario', 'fraud-detection', '--persona', 'weak'];
    const text = await runCli(args, cliEnv({}), '');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Interviewer audit (offline): 2 interviews');
    expect(text.stdout).toMatch(/unasked-fact-revealed\s+0\.0%/);
    expect(text.stdout).toMatch(/mistakes challenged when made: 100\.0%/);

    const json = await runCli([...args, '--json'], cliEnv({}), '');
    const report = JSON.parse(json.stdout) as { interviews: number; rates: Record<string, number> };
    expect(report.interviews).toBe(2);
    expect(Object.keys(report.rates)).toContain('mistake-let-pass');
  }, 120_000);
});
