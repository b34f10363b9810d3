/**
 * A terminal interview on the LLM path: the real CLI in a child process, its OPENAI_BASE_URL
 * pointed at the local OpenAI-compatible server in this test process, through the openai SDK.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeOpenAIServer, reply, startFakeOpenAI } from '../fakes/openai-server.ts';
import { scriptGoodLlm } from '../fakes/scripted-llm.ts';
import { cliEnv, runCli } from './run-cli.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'mli-chat-llm-'));
let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAI();
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function env(name: string, extra: Record<string, string> = {}) {
  return cliEnv({
    DATABASE_PATH: path.join(dir, `${name}.sqlite`),
    KNOWLEDGE_DIR: 'test/fixtures/knowledge-mini',
    OPENAI_BASE_URL: server.url,
    OPENAI_MODEL: 'fake-model',
    LLM_TIMEOUT_MS: '3000',
    ...extra,
  });
}

const SCRIPT = [
  'How many daily active users do we have?',
  '/hint',
  'We optimise watch time, not clicks. Latency matters too.',
  '/followup',
  '/next',
  'Offline NDCG on held-out sessions. Online watch time per user.',
  '/status',
  '/end',
].join('\n');

describe('chat on the LLM path (CLI child process → openai SDK → local server)', () => {
  it('runs the interview with LLM moves and LLM scores quoting the candidate', async () => {
    server.reset();
    scriptGoodLlm(server);
    const result = await runCli(['chat', '--scenario', 'mini-recsys'], env('good'), `${SCRIPT}\n`);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('interviewer: LLM (fake-model)');
    expect(out).toContain('About 10 million daily active users.');
    expect(out).toContain('Think about what the business wants.');
    expect(out).toContain('Who exactly are we serving here?');
    const card = out.slice(out.indexOf('Scorecard'));
    expect(card).toContain('Offline NDCG on held-out sessions');
    expect(card).toContain('Scored by: LLM');
    expect(server.requests.length).toBeGreaterThanOrEqual(6);
  });

  it('finishes the interview when the LLM is down, every score marked offline', async () => {
    server.reset();
    server.on({}, reply.serverError(503));
    const result = await runCli(
      ['chat', '--scenario', 'mini-recsys'],
      env('down', { LLM_MAX_RETRIES: '0' }),
      `${SCRIPT}\n`,
    );
    expect(result.code).toBe(0);
    const card = result.stdout.slice(result.stdout.indexOf('Scorecard'));
    expect(card).toContain('scored offline: the LLM scorer failed');
    expect(card).not.toContain('Scored by: LLM');
  });
});
