/**
 * SIGTERM to `npm start` (a real process tree: npm → sh → node) running the Slack app in HTTP
 * mode, while a turn waits on an LLM that never answers. Expected: the process stops taking
 * turns, cuts the turn at the deadline and tells the candidate in their thread to send again,
 * closes, and exits within SHUTDOWN_TIMEOUT_MS + 1 s; nothing of the process group is left and
 * the port no longer answers. The exit time is printed as a figure; the bound asserted is the
 * promise the process makes (its own hard stop is at deadline + 0.5 s).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reply, startFakeOpenAI } from '../fakes/openai-server.ts';
import { eventCallback, slashCommand, threadReply } from '../fakes/slack/payloads.ts';
import { SignedSender } from '../fakes/slack/sender.ts';
import { FakeSlackWebApi } from '../fakes/slack/web-api.ts';
import { cliEnv, ROOT } from '../cli/run-cli.ts';

const BOT_TOKEN = 'xoxb-shutdown-test';
const SECRET = 'shutdown-secret';
const CANDIDATE = { id: 'U0CAND', name: 'cand' };
const DEADLINE_MS = 3_000;
const dir = mkdtempSync(path.join(tmpdir(), 'mli-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves with the first JSON log line on stdout that `test` accepts. */
function waitForLog(
  child: ChildProcess,
  test: (line: Record<string, unknown>) => boolean,
): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (d: Buffer) => {
      buffer += d.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const raw of lines) {
        if (!raw.startsWith('{')) continue;
        const line = JSON.parse(raw) as Record<string, unknown>;
        if (test(line)) {
          child.stdout?.off('data', onData);
          resolve(line);
          return;
        }
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', () => reject(new Error('exited before the expected log line')));
  });
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start, then SIGTERM', () => {
  it('cuts the turn in flight, tells the candidate, exits within the deadline, leaves nothing', async () => {
    const slack = await new FakeSlackWebApi({ botToken: BOT_TOKEN }).start();
    const llm = await startFakeOpenAI();
    llm.on({}, reply.hang());
    const child = spawn('npm', ['start', '--silent'], {
      cwd: ROOT,
      detached: true, // its own process group, to see that nothing of it survives
      stdio: ['ignore', 'pipe', 'pipe'],
      env: cliEnv({
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: '0',
        KNOWLEDGE_DIR: path.join(ROOT, 'test/fixtures/knowledge-mini'),
        DATABASE_PATH: path.join(dir, 'bot.sqlite'),
        OPENAI_BASE_URL: llm.url,
        OPENAI_API_KEY: 'test',
        LLM_TIMEOUT_MS: '60000',
        LLM_MAX_RETRIES: '0',
        SHUTDOWN_TIMEOUT_MS: String(DEADLINE_MS),
        LOG_LEVEL: 'info',
      }),
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString('utf8');
    });
    let stdout = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    const pgid = child.pid!;
    try {
      const listening = await waitForLog(child, (l) => l.msg === 'slack app listening');
      const base = `http://127.0.0.1:${listening.port}`;
      const sender = new SignedSender(`${base}/slack/events`, SECRET);

      // Health in Slack HTTP mode: on the same port as Slack's events.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);

      await sender.send(
        slashCommand({
          user: CANDIDATE,
          channel: 'C0STOP',
          text: 'start mini-recsys',
          responseUrl: slack.responseUrl('s'),
        }),
      );
      const root = await slack.waitFor((c) => c.method === 'chat.postMessage');
      const threadTs = root.response!.ts as string;
      // The opening may already wait on the LLM; an answer surely does.
      await sender.send(
        eventCallback(
          threadReply({
            user: CANDIDATE,
            channel: 'C0STOP',
            threadTs,
            ts: '1700000100.000001',
            text: 'I would start with the requirements: who are the users?',
          }),
          'Ev0STOP1',
        ),
      );
      while (llm.requestsFor().length === 0) await new Promise((r) => setTimeout(r, 50));

      const signalled = Date.now();
      process.kill(pgid, 'SIGTERM'); // to npm, as a supervisor would
      // npm forwards the signal and may exit before its child: wait for the whole group.
      while (groupAlive(pgid) && Date.now() - signalled < DEADLINE_MS + 5_000) {
        await new Promise((r) => setTimeout(r, 20));
      }
      const elapsed = Date.now() - signalled;
      console.log(`SIGTERM to the last process gone (deadline ${DEADLINE_MS} ms): ${elapsed} ms`);
      expect(groupAlive(pgid)).toBe(false);
      expect(elapsed).toBeLessThan(DEADLINE_MS + 1_000);

      // The candidate was told in their thread (errors go to them alone) to send it again.
      const told = slack.calls.filter(
        (c) =>
          c.method === 'chat.postEphemeral' &&
          c.args.user === CANDIDATE.id &&
          c.args.thread_ts === threadTs &&
          /restarting/.test(JSON.stringify(c.args)),
      );
      expect(told.length).toBeGreaterThan(0);
      expect(JSON.stringify(told[0]!.args)).toMatch(/send it again/);

      // The port is closed.
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      if (groupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
      await llm.close();
      await slack.stop();
      if (stderr.trim()) console.log(stderr);
      // The shutdown steps as the process logged them (time, step), for the figures.
      const steps = stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { time: number; msg: string })
        .filter((l) => /shutting down|turns finished|close|stopped/.test(l.msg));
      console.log(steps.map((l) => `  ${l.time - (steps[0]?.time ?? 0)} ms ${l.msg}`).join('\n'));
    }
  }, 60_000);
});
