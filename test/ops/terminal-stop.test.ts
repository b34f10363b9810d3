/**
 * The terminal stops like the bots, even mid-turn: `chat` in a child process, an answer that
 * waits on an LLM that never replies, then SIGTERM. The turn is cut at the deadline (the
 * candidate reads "send it again"), the resume hint is printed, and the process exits 143
 * within SHUTDOWN_TIMEOUT_MS + 1 s (printed as a figure). With HEALTH_PORT the terminal serves
 * /healthz too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv, ROOT, startCli } from '../cli/run-cli.ts';
import { reply, startFakeOpenAI } from '../fakes/openai-server.ts';

const DEADLINE_MS = 2_000;
const dir = mkdtempSync(path.join(tmpdir(), 'mli-terminal-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('terminal, SIGTERM mid-turn', () => {
  it('cuts the turn at the deadline, says to resend and how to resume, exits 143', async () => {
    const llm = await startFakeOpenAI();
    llm.on({}, reply.hang());
    const healthPort = await freePort();
    const child = startCli(
      ['chat', '--scenario', 'mini-recsys'],
      cliEnv({
        KNOWLEDGE_DIR: path.join(ROOT, 'test/fixtures/knowledge-mini'),
        DATABASE_PATH: path.join(dir, 'terminal.sqlite'),
        OPENAI_BASE_URL: llm.url,
        OPENAI_API_KEY: 'test',
        LLM_TIMEOUT_MS: '60000',
        LLM_MAX_RETRIES: '0',
        SHUTDOWN_TIMEOUT_MS: String(DEADLINE_MS),
        HEALTH_PORT: String(healthPort),
      }),
    );
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', () => {});
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      // The opening may already ask the LLM; the answer surely does.
      child.stdin.write('I would first ask who the users are.\n');
      while (llm.requestsFor().length === 0) await new Promise((r) => setTimeout(r, 50));
      // Give the answer's turn time to reach the LLM too (requests are made in order).
      const before = llm.requestsFor().length;
      for (let i = 0; i < 40 && llm.requestsFor().length === before; i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect((await fetch(`http://127.0.0.1:${healthPort}/healthz`)).status).toBe(200);

      const signalled = Date.now();
      child.kill('SIGTERM');
      const code = await exited;
      const elapsed = Date.now() - signalled;
      console.log(`terminal: SIGTERM mid-turn to exit (deadline ${DEADLINE_MS} ms): ${elapsed} ms`);
      expect(code).toBe(143);
      expect(elapsed).toBeLessThan(DEADLINE_MS + 1_000);
      expect(stdout).toMatch(/restarting/);
      expect(stdout).toMatch(/send it again/);
      expect(stdout).toMatch(/Interview saved/);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await llm.close();
    }
  }, 60_000);
});
