/**
 * Replay and self-assessment in the terminal, through the real CLI in a child process (sqlite
 * store, offline interviewer and scorer). The scorecard names the turn of each gap, and the
 * export numbers its turns so that turn holds the candidate's message; with `/self-assess on`
 * the next interview asks for a rating per stage (typed 1–4, or s to skip) before the
 * scorecard, which then shows self against scored; history shows the distance.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, ROOT, runCli } from '../cli/run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'mli-replay-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = cliEnv({ DATABASE_PATH: path.join(dir, 'replay.sqlite') });

const QUESTION = 'What is the latency budget?';
const MAIN_ANSWER =
  'I would recommend videos by predicted clicks for every user on the home page, with a simple popularity model first.';

function exportedFiles(): string[] {
  return readdirSync(ROOT).filter((f) => f.startsWith('ml-interview-') && f.endsWith('.md'));
}

// Each CLI run starts Node, tsx and the knowledge base: seconds each on a busy machine.
describe('replay and self-assessment in the terminal', { timeout: 180_000 }, () => {
  it('names the turn of each gap, and the export holds the candidate message at that turn', async () => {
    const before = new Set(exportedFiles());
    const script = [QUESTION, MAIN_ANSWER, '/next', '/scorecard', '/export', '/end'].join('\n');
    const chat = await runCli(['chat', '--scenario', 'youtube-recommendation'], env, `${script}\n`);
    const written = exportedFiles().filter((f) => !before.has(f));
    try {
      expect(chat.code).toBe(0);
      expect(written).toHaveLength(1);
      const markdown = readFileSync(path.join(ROOT, written[0]!), 'utf8');
      // The scorecard so far (after /next) and the final one both name turns.
      const gapTurns = [...chat.stdout.matchAll(/\(turn (\d+)\)$/gm)].map((m) => Number(m[1]));
      expect(gapTurns.length).toBeGreaterThan(0);
      for (const n of gapTurns) {
        // That turn of the export is one of the candidate's messages.
        const at = markdown.indexOf(`<a id="turn-${n}"></a>**#${n}** **Candidate:**`);
        expect(at).toBeGreaterThanOrEqual(0);
        const quoted = markdown.slice(at).split('\n')[2]!;
        expect([`> ${QUESTION}`, `> ${MAIN_ANSWER}`]).toContain(quoted);
      }
    } finally {
      for (const file of written) rmSync(path.join(ROOT, file), { force: true });
    }
  });

  it('asks for ratings before the scorecard once turned on, then history shows the distance', async () => {
    const on = await runCli(
      ['chat', '--scenario', 'youtube-recommendation'],
      env,
      '/self-assess on\n/abandon\n',
    );
    expect(on.stdout).toMatch(/Self-assessment is on/);

    const script = [
      'The objective is long-term watch time at our scale, framed as a ranking problem.',
      '/next',
      'Offline NDCG and recall@k; online watch time per user in an A/B test.',
      '/end',
      'maybe',
      '3',
      's',
    ].join('\n');
    const chat = await runCli(['chat', '--scenario', 'youtube-recommendation'], env, `${script}\n`);
    expect(chat.code).toBe(0);
    const out = chat.stdout;
    const asked = out.indexOf('Before the scorecard: how would you rate');
    expect(asked).toBeGreaterThan(0);
    expect(out.indexOf('Scorecard')).toBeGreaterThan(asked);
    expect(out).toContain('Please type 1, 2, 3 or 4, or s to skip.');
    expect(out).toMatch(
      /Your view against the score\n {2}• Clarify requirements and frame the problem: you 3, scored \d\.\d\/4/,
    );

    const history = await runCli(
      ['chat', '--scenario', 'youtube-recommendation'],
      env,
      '/history\n/abandon\n',
    );
    expect(history.stdout).toMatch(
      /Self-assessment \(mean distance to the score, oldest first\): \d\.\d/,
    );
  });

  it('quitting while the ratings are asked keeps them: chat --resume asks the next one', async () => {
    // Self-assessment is on for this candidate (the test above turned it on).
    const script = [
      'The objective is long-term watch time at our scale, framed as a ranking problem.',
      '/next',
      'Offline NDCG and recall@k; online watch time per user in an A/B test.',
      '/end',
    ].join('\n');
    // The input ends at the first rating question: the candidate left.
    const left = await runCli(['chat', '--scenario', 'youtube-recommendation'], env, `${script}\n`);
    expect(left.stdout).toContain('Before the scorecard: how would you rate');
    expect(left.stdout).not.toContain('Your view against the score');

    const resumed = await runCli(['chat', '--resume'], env, '2\ns\n');
    expect(resumed.code).toBe(0);
    const out = resumed.stdout;
    expect(out.indexOf('Before the scorecard: how would you rate')).toBeGreaterThanOrEqual(0);
    expect(out).toMatch(
      /Your view against the score\n {2}• Clarify requirements and frame the problem: you 2, scored \d\.\d\/4/,
    );
  });
});
