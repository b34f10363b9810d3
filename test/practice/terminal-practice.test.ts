/**
 * The practice loop in the terminal, through the real CLI in a child process (sqlite store,
 * offline interviewer and scorer): a coach-mode stage followed by its model answer, the model
 * answer after the interview (`model-answer`), and a drill on the weakest stage
 * (`chat --drill`) that starts within three messages, then `chat --practice`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli } from '../cli/run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'mli-practice-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = cliEnv({ DATABASE_PATH: path.join(dir, 'practice.sqlite') });

// Each CLI run starts Node, tsx and the knowledge base: seconds each on a busy machine.
describe('practice loop in the terminal', { timeout: 180_000 }, () => {
  it('coach mode shows the model answer after a stage; model-answer shows one after the interview', async () => {
    const script = [
      'The goal is to maximise long-term watch time rather than clicks, because clickbait hurts retention.',
      '/next',
      'Accuracy.',
      '/end',
    ].join('\n');
    const chat = await runCli(
      ['chat', '--scenario', 'youtube-recommendation', '--mode', 'coach'],
      env,
      `${script}\n`,
    );
    expect(chat.code).toBe(0);
    expect(chat.stdout).toMatch(/Model answer \(level 4\), Clarify requirements/);

    const after = await runCli(['model-answer', '--stage', 'metrics'], env);
    expect(after.code).toBe(0);
    expect(after.stdout).toMatch(/── Model answer \(level 4\), /);
    const bad = await runCli(['model-answer', '--stage', 'cooking'], env);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/no stage "cooking"/);
  });

  it('drills the weakest stage in at most three messages before the question, then /practice has nothing due yet', async () => {
    const drill = await runCli(['chat', '--drill'], env, 'Offline AUC and online CTR.\n/end\n');
    expect(drill.code).toBe(0);
    const out = drill.stdout;
    const beforeQuestion = out.slice(0, out.indexOf('interviewer> ', out.indexOf('── [1/1]')));
    // Banner, offline notice, the drill's opening (one message) and the stage heading.
    const opening = beforeQuestion.slice(beforeQuestion.indexOf('Drill: one stage'));
    expect(opening.split('\n\n').length).toBeLessThanOrEqual(3);
    expect(out).toMatch(/Drill: one stage, (Define evaluation metrics|Clarify requirements)/);
    expect(out).toContain('── [1/1]');
    expect(out).toContain('Scorecard');

    const practice = await runCli(['chat', '--practice'], env);
    expect(practice.code).toBe(1);
    expect(practice.stdout).toMatch(/Nothing is due for review yet; the next stage/);
  });
});
