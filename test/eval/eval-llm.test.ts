/**
 * `eval --scorer llm` end to end: the CLI, the real openai SDK and the judge against the local
 * OpenAI-compatible stand-in, on the labeled development set. The stand-in plays a judge that
 * mostly agrees with the labels and wavers on every seventh request, so agreement, test-retest
 * and tokens and cost per answer all have something to show.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { type FakeOpenAIServer, startFakeOpenAI } from '../fakes/openai-server.ts';
import { scriptJudge } from '../fakes/scripted-llm.ts';

const SET = path.resolve(import.meta.dirname, '../fixtures/eval/labeled.jsonl');
const items = readFileSync(SET, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { answer: string; label: number });
const labelOf = (text: string) => items.find((i) => text.includes(i.answer))?.label ?? 1;

/** 1,000 prompt tokens (400 of them cached) and 200 completion tokens per request. */
const USAGE = { prompt_tokens: 1_000, completion_tokens: 200, cached_tokens: 400 };

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => {
  await server.close();
});
afterEach(() => server.reset());

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

async function evalLlm(args: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = sink();
  const stderr = sink();
  const code = await runCli(['eval', '--set', SET, '--scorer', 'llm', ...args], {
    stdin: Readable.from(['']),
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: {
      OPENAI_BASE_URL: server.url,
      LLM_MAX_RETRIES: '0',
      // The default tokens-per-minute budget would pace 480 requests over minutes.
      LLM_RPM: '100000',
      LLM_TPM: '1000000000',
      JUDGE_SAMPLES: '1',
      ...env,
    },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function scriptMostlyRightJudge() {
  scriptJudge(
    server,
    (request, index) => {
      const user = String(request.body.messages?.find((m) => m.role === 'user')?.content);
      const label = labelOf(user);
      // Every seventh request wavers: not the same items in the second run (160 = 7 × 22 + 6).
      return index % 7 === 3 ? Math.min(4, label + 1) : label;
    },
    USAGE,
  );
}

describe('eval --scorer llm', () => {
  it('prints QWK, Spearman, test-retest, and tokens and cost per answer from the price table', async () => {
    scriptMostlyRightJudge();
    const { code, stdout } = await evalLlm(['--repeat', '2'], { OPENAI_MODEL: 'gpt-4o-mini' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/LLM judge \(gpt-4o-mini, 1 sample, prompt scorer-v2#/);
    expect(stdout).toMatch(/^│ llm +│ 0\.\d\d +│ 0\.\d\d +│/m);
    expect(stdout).toMatch(/test-retest over 2 runs: QWK 0\.\d\d/);
    expect(stdout).toContain(
      'tokens per answer: 1,000 in, 200 out, 1.0 requests (over 320 scorings; 128,000 of 320,000 prompt tokens cached)',
    );
    // (1,000 × $0.15 + 200 × $0.60) / 1M
    expect(stdout).toContain(
      'cost per answer: $0.00027 (gpt-4o-mini at $0.15 in / $0.6 out per million tokens, list price from src/eval/cost.ts; cached tokens at full price)',
    );
    expect(server.requests).toHaveLength(320);
  });

  it('--json carries the usage and the cost; JUDGE_PRICE_* wins over the table; samples multiply tokens', async () => {
    scriptMostlyRightJudge();
    const { code, stdout } = await evalLlm(['--json'], {
      JUDGE_MODEL: 'my-local-model',
      JUDGE_SAMPLES: '3',
      JUDGE_PRICE_INPUT_PER_MTOK: '1',
      JUDGE_PRICE_OUTPUT_PER_MTOK: '5',
    });
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.scorer).toBe('llm');
    expect(out.fallbacks).toBe(0);
    expect(out.qwk).toBeGreaterThan(0.5);
    expect(out.usage).toMatchObject({
      scorings: 160,
      requests: 480,
      perAnswer: { requests: 3, promptTokens: 3_000, completionTokens: 600 },
      price: { model: 'my-local-model', inputPerMTok: 1, outputPerMTok: 5, from: 'JUDGE_PRICE_*' },
    });
    expect(out.usage.costPerAnswer).toBeCloseTo((3_000 * 1 + 600 * 5) / 1e6, 10);
    expect(server.requests.every((r) => r.body.model === 'my-local-model')).toBe(true);
  });

  it('says the cost is unknown for a model without a price', async () => {
    scriptMostlyRightJudge();
    const { code, stdout } = await evalLlm([], { OPENAI_MODEL: 'qwen2.5:7b' });
    expect(code).toBe(0);
    expect(stdout).toContain(
      'cost per answer: unknown for this model (set JUDGE_PRICE_INPUT_PER_MTOK and JUDGE_PRICE_OUTPUT_PER_MTOK)',
    );
  });
});

describe('score --scorer llm', () => {
  it('--json carries the confidence of the samples and the agreement note', async () => {
    scriptJudge(server, (_request, index) => [2, 3, 3][index % 3]!);
    const stdout = sink();
    const code = await runCli(
      [
        'score',
        '--scenario',
        'youtube-recommendation',
        '--stage',
        'metrics',
        '--scorer',
        'llm',
        '--json',
      ],
      {
        stdin: Readable.from([
          'Offline I would track NDCG@10 on next-day sessions. Online, watch time.',
        ]),
        stdout: stdout.stream,
        stderr: sink().stream,
        env: { OPENAI_BASE_URL: server.url, LLM_MAX_RETRIES: '0', LLM_TPM: '1000000000' },
      },
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout.text());
    expect(out.scorer).toBe('llm');
    expect(out.level).toBe(3);
    expect(out.confidence).toEqual({ samples: 3, spread: 1 });
    expect(out.notes).toContain('3 samples varied by up to 1 level on a criterion (median taken)');
  });
});
