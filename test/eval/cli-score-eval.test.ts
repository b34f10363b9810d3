/** `score` and `eval` run in-process through `runCli`, with fake streams. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';

const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../fixtures/scorer/knowledge');

const SERVING_ANSWER =
  'I would precompute the video embeddings in a nightly batch job and load them into an ANN index, because scoring 5 million videos online would blow the 200 ms p99 budget. The ranker gets distillation into a smaller model so it runs on CPU, at the cost of a little AUC.';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

async function run(argv: string[], stdin = '', env: NodeJS.ProcessEnv = {}) {
  const stdout = sink();
  const stderr = sink();
  const code = await runCli(argv, {
    stdin: Readable.from([stdin]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { KNOWLEDGE_DIR, ...env },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

let dir: string;
let setFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ml-interviewer-eval-'));
  setFile = path.join(dir, 'set.jsonl');
  const items = [
    { id: 's1', answer: SERVING_ANSWER, label: 3, kind: 'plain' },
    { id: 's2', answer: 'We would use a cache.', label: 2, kind: 'plain' },
    { id: 's3', answer: 'It depends on many things and we should think about it.', label: 1 },
    {
      id: 's4',
      answer: 'Batch, online inference, cache, quantization, pruning, distillation.',
      label: 2,
      kind: 'stuffed',
    },
  ].map((i) => JSON.stringify({ scenario: 'scorer-video', stage: 'serving', lang: 'en', ...i }));
  await writeFile(setFile, `${items.join('\n')}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('score', () => {
  it('--json prints one object in the contract shape', async () => {
    const { code, stdout } = await run(
      ['score', '--scenario', 'scorer-video', '--stage', 'serving', '--json'],
      SERVING_ANSWER,
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ scenario: 'scorer-video', stage: 'serving', scorer: 'offline' });
    expect(out.score).toBeGreaterThanOrEqual(1);
    expect(out.score).toBeLessThanOrEqual(4);
    expect(Number.isInteger(out.level)).toBe(true);
    expect(out.level).toBe(Math.round(out.score));
    expect(out.criteria.length).toBeGreaterThanOrEqual(3);
    for (const c of out.criteria) {
      expect(Object.keys(c).sort()).toEqual(['evidence', 'feedback', 'id', 'level']);
      expect(Array.isArray(c.evidence)).toBe(true);
      for (const quote of c.evidence) expect(SERVING_ANSWER).toContain(quote);
    }
    expect(out.notes.join(' ')).toMatch(/offline/i);
  });

  it('prints a readable score without --json', async () => {
    const { code, stdout } = await run(
      ['score', '--scenario', 'scorer-video', '--stage', 'serving'],
      SERVING_ANSWER,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/Score \d\.\d\d\/4 \(level \d\)/);
    expect(stdout).toMatch(/scorer: offline/);
  });

  it('unknown scenario or stage, missing options, empty stdin: a clear message and exit 2', async () => {
    const unknownScenario = await run(['score', '--scenario', 'nope', '--stage', 'serving'], 'x');
    expect(unknownScenario.code).toBe(2);
    expect(unknownScenario.stderr).toMatch(/unknown scenario "nope".*scorer-video/);
    const unknownStage = await run(['score', '--scenario', 'scorer-video', '--stage', 'nope'], 'x');
    expect(unknownStage.code).toBe(2);
    expect(unknownStage.stderr).toMatch(/unknown stage "nope"; stages: requirements/);
    const missing = await run(['score', '--stage', 'serving'], 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/usage: score/);
    const empty = await run(['score', '--scenario', 'scorer-video', '--stage', 'serving'], '  \n');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no answer on stdin/);
    const badScorer = await run(
      ['score', '--scenario', 'scorer-video', '--stage', 'serving', '--scorer', 'gpt'],
      'x',
    );
    expect(badScorer.code).toBe(2);
  });

  it('--scorer llm without an LLM configured says so and exits 2', async () => {
    const { code, stderr } = await run(
      ['score', '--scenario', 'scorer-video', '--stage', 'serving', '--scorer', 'llm'],
      SERVING_ANSWER,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs an LLM: set OPENAI_API_KEY/);
  });
});

describe('score --scorer llm', () => {
  it('with an unreachable endpoint, falls back to the offline scorer and says so in the result', async () => {
    const { code, stdout } = await run(
      ['score', '--scenario', 'scorer-video', '--stage', 'serving', '--scorer', 'llm', '--json'],
      SERVING_ANSWER,
      // Port 9 (discard) on loopback: refused at once, no retries.
      { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', LLM_MAX_RETRIES: '0', LLM_TIMEOUT_MS: '2000' },
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.scorer).toBe('offline');
    expect(out.criteria.length).toBeGreaterThanOrEqual(3);
    expect(out.notes.join(' ')).toMatch(/scored offline/i);
  });
});

describe('eval', () => {
  it('--json prints the figures, the baseline and the items', async () => {
    const { code, stdout } = await run(['eval', '--set', setFile, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.n).toBe(4);
    expect(out.scorer).toBe('offline');
    for (const key of ['qwk', 'spearman', 'exact', 'adjacent', 'mae']) {
      expect(typeof out[key]).toBe('number');
      expect(typeof out.baseline[key]).toBe('number');
    }
    expect(out.items.map((i: { id: string }) => i.id)).toEqual(['s1', 's2', 's3', 's4']);
    for (const item of out.items) {
      expect(item).toMatchObject({ id: expect.any(String), label: expect.any(Number) });
      expect(typeof item.score).toBe('number');
      expect(Number.isInteger(item.level)).toBe(true);
    }
    expect(out.retest).toBeUndefined();
  });

  it('prints a table with the baseline, the margin and the per-kind breakdown', async () => {
    const { code, stdout } = await run(['eval', '--set', setFile]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/offline rubric scorer/);
    expect(stdout).toMatch(/QWK/);
    expect(stdout).toMatch(/length-only baseline/);
    expect(stdout).toMatch(/margin over baseline/);
    expect(stdout).toMatch(/stuffed/);
  });

  it('--repeat gives test-retest agreement, 1 for the deterministic offline scorer', async () => {
    const { code, stdout } = await run(['eval', '--set', setFile, '--repeat', '2', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).retest).toEqual({ runs: 2, qwk: 1, exact: 1 });
  });

  it('a broken set or a missing file: the problems with line numbers, exit 2', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    await writeFile(bad, '{"id":"a"}\nnot json\n');
    const broken = await run(['eval', '--set', bad]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/bad\.jsonl:1: scenario:/);
    expect(broken.stderr).toMatch(/bad\.jsonl:2: not valid JSON/);
    const missing = await run(['eval', '--set', path.join(dir, 'none.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/file not found/);
    const noSet = await run(['eval']);
    expect(noSet.code).toBe(2);
    const badRepeat = await run(['eval', '--set', setFile, '--repeat', '0']);
    expect(badRepeat.code).toBe(2);
  });

  it('--scorer llm without an LLM configured says so and exits 2', async () => {
    const { code, stderr } = await run(['eval', '--set', setFile, '--scorer', 'llm']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/needs an LLM/);
  });
});
