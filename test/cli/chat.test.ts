/**
 * The terminal interview as a user runs it: the real CLI in a child process, stdin piped,
 * the embedded sqlite store, the offline interviewer and scorer.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, runCli, startCli, waitForOutput } from './run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'mli-chat-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const envFor = (name: string) => cliEnv({ DATABASE_PATH: path.join(dir, `${name}.sqlite`) });

const REQUIREMENTS_ANSWER =
  'The goal is to maximise long-term watch time rather than clicks, because clickbait hurts retention.';
const METRICS_ANSWER = 'Offline I would track recall@k for retrieval and NDCG for the ranker.';

describe('chat (terminal interview through the CLI)', () => {
  it('runs a whole scripted interview from piped stdin and ends with a scorecard', async () => {
    const script = [
      'What is the latency budget?',
      REQUIREMENTS_ANSWER,
      '/hint',
      '/next',
      METRICS_ANSWER,
      '/followup',
      '/status',
      '/end',
    ].join('\n');
    const result = await runCli(
      ['chat', '--scenario', 'youtube-recommendation'],
      envFor('whole'),
      `${script}\n`,
    );
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('interviewer: offline'); // the banner says it runs without an LLM
    expect(out).toMatch(/Stage 1|\[1\/11\]/);
    expect(out).toContain('Hint 1 of');
    expect(out).toMatch(/\[2\/11\]/);
    // The scorecard starts with a line containing "Scorecard", quotes the candidate verbatim
    // and says the scores are offline.
    const card = out.slice(out.indexOf('Scorecard'));
    expect(card.length).toBeGreaterThan(0);
    expect(card).toContain(REQUIREMENTS_ANSWER);
    expect(card).toMatch(/offline/i);
    expect(card).toContain('Hints: 1');
    // Piped output carries no color escape codes.
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('keeps going after bad input: empty line, unknown command, control characters, a 50,000-character answer', async () => {
    const sentence = 'We shard the embedding index by video id so each shard fits in memory.';
    const huge = `${sentence} `.repeat(800).slice(0, 49_999).concat('.');
    const script = [
      '',
      '   ',
      '/frobnicate',
      'latency\u0007 budget\u001b[31m please?',
      huge,
      '/end',
    ].join('\n');
    const result = await runCli(
      ['chat', '--scenario', 'search-ranking'],
      envFor('bad'),
      `${script}\n`,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('That message was empty');
    expect(result.stdout).toContain('"/frobnicate" is not a command');
    expect(result.stdout).toContain('50,000 characters');
    expect(result.stdout).toContain('Scorecard');
  });

  it('says clearly when the scenario does not exist', async () => {
    const result = await runCli(
      ['chat', '--scenario', 'youtube-recomendation'],
      envFor('unknown'),
      '',
    );
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('There is no scenario "youtube-recomendation"');
    expect(result.stdout).toContain('youtube-recommendation'); // suggested
  });

  it('runs in Chinese with --lang zh', async () => {
    const result = await runCli(
      ['chat', '--scenario', 'fraud-detection', '--lang', 'zh', '--mode', 'coach'],
      envFor('zh'),
      '我们的目标是在 100ms 内拦截欺诈交易，因为支付链路对延迟很敏感。\n/next\n/end\n',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('评分卡');
    expect(result.stdout).toContain('Scorecard');
  });

  it('resumes the interview after the process is killed mid-interview, losing nothing', async () => {
    const env = envFor('resume');
    const first = startCli(['chat', '--scenario', 'youtube-recommendation'], env);
    first.stdin.write(`${REQUIREMENTS_ANSWER}\n`);
    first.stdin.write('/next\n');
    // Wait until the second stage has opened, i.e. the first answer and the stage change are saved.
    await waitForOutput(first, '[2/11]');
    first.kill('SIGKILL');
    await new Promise((resolve) => first.once('close', resolve));

    const second = await runCli(['chat', '--resume'], env, `${METRICS_ANSWER}\n/end\n`);
    expect(second.code).toBe(0);
    const card = second.stdout.slice(second.stdout.indexOf('Scorecard'));
    expect(card).toContain(REQUIREMENTS_ANSWER); // said before the kill
    expect(card).toContain(METRICS_ANSWER); // said after the resume
  });

  it('says so when there is nothing to resume', async () => {
    const result = await runCli(['chat', '--resume'], envFor('nothing'), '');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('No unfinished interview');
  });
});

describe('/forget-me in the terminal', () => {
  it('asks first, deletes only after "/forget-me confirm", then history is empty', async () => {
    const env = envFor('forget');
    const first = await runCli(
      ['chat', '--scenario', 'youtube-recommendation'],
      env,
      `${REQUIREMENTS_ANSWER}\n/end\n`,
    );
    expect(first.code).toBe(0);
    const ask = await runCli(
      ['chat', '--scenario', 'search-ranking'],
      env,
      '/forget-me\n/history\n',
    );
    expect(ask.stdout).toContain('cannot be undone');
    expect(ask.stdout).toContain('/forget-me confirm');
    expect(ask.stdout).toContain('YouTube'); // nothing deleted yet: history still lists it
    const done = await runCli(
      ['chat', '--scenario', 'search-ranking'],
      env,
      '/forget-me confirm\n/history\n',
    );
    // The first interview, and the one each later run started.
    expect(done.stdout).toMatch(/Deleted 3 interviews/);
    expect(done.stdout).toContain('No interviews yet.');
  }, 120_000);
});
