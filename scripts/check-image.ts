/**
 * `npm run check:image`: the Dockerfile's runtime stage, reproduced without Docker (for
 * machines with no Docker daemon or no access to Docker Hub). Not part of `npm test`: it
 * installs from the npm registry and takes a minute or more.
 *
 * 1. A clean temporary folder holding only the paths the Dockerfile COPYs from the repository.
 * 2. `npm ci --omit=dev` there, as the build stage does (production dependencies only).
 * 3. The Dockerfile's CMD run there, with its ENV (WORKDIR mapped to the folder), as the Slack
 *    bot in HTTP mode against a local stand-in for Slack's Web API, on a free port.
 * 4. `/healthz` and `/readyz` fetched; then SIGTERM, and the process must be gone within
 *    SHUTDOWN_TIMEOUT_MS + 1 s.
 * What it cannot show: the image build itself (base image, apt packages, the `node` user, file
 * ownership), which needs Docker: `docker compose up --build`.
 *
 *   npm run check:image            # prints each step; exit 0 when every check passed
 *   npm run check:image -- --keep  # keeps the temporary folder
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FakeSlackWebApi } from '../test/fakes/slack/web-api.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The bot's default shutdown deadline (SHUTDOWN_TIMEOUT_MS), plus the promised second. */
const SHUTDOWN_TIMEOUT_MS = 10_000;
const STARTUP_LIMIT_MS = 120_000;

interface RuntimeStage {
  workdir: string;
  env: Record<string, string>;
  copies: string[];
  cmd: string[];
}

/** The last stage of the Dockerfile: WORKDIR, ENV, COPY (from the repository) and CMD. */
function runtimeStage(dockerfile: string): RuntimeStage {
  const lines = dockerfile.replace(/\\\n\s*/g, ' ').split('\n');
  const start = lines.findLastIndex((l) => /^FROM\s/.test(l));
  const stage: RuntimeStage = { workdir: '/', env: {}, copies: [], cmd: [] };
  for (const line of lines.slice(start)) {
    const [instruction, ...rest] = line.trim().split(/\s+/);
    if (instruction === 'WORKDIR') stage.workdir = rest[0]!;
    if (instruction === 'ENV') {
      for (const pair of rest) {
        const [name, ...value] = pair.split('=');
        stage.env[name!] = value.join('=');
      }
    }
    if (instruction === 'COPY' && !rest.some((w) => w.startsWith('--from='))) {
      stage.copies.push(...rest.filter((w) => !w.startsWith('--')).slice(0, -1));
    }
    if (instruction === 'CMD') stage.cmd = JSON.parse(rest.join(' ')) as string[];
  }
  return stage;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const step = (text: string) => process.stdout.write(`\n== ${text}\n`);
const failures: string[] = [];
function check(ok: boolean, text: string): void {
  process.stdout.write(`${ok ? 'PASS' : 'FAIL'}  ${text}\n`);
  if (!ok) failures.push(text);
}

async function main(): Promise<void> {
  const stage = runtimeStage(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
  const dir = mkdtempSync(path.join(tmpdir(), 'mli-image-'));
  const keep = process.argv.includes('--keep');
  const slack = await new FakeSlackWebApi({ botToken: 'xoxb-check-image' }).start();
  try {
    step(`runtime stage in ${dir} (node ${process.version}; the image has node:20-slim)`);
    for (const source of stage.copies)
      cpSync(path.join(ROOT, source), path.join(dir, source), { recursive: true });
    process.stdout.write(`copied: ${stage.copies.join(' ')}\n`);

    step('npm ci --omit=dev');
    const install = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
      cwd: dir,
      stdio: 'inherit',
    });
    check(install.status === 0, `npm ci --omit=dev exited ${install.status}`);
    if (install.status !== 0) return;

    // The image's paths live under WORKDIR; here under the temporary folder.
    const env: Record<string, string> = {};
    for (const [name, value] of Object.entries(stage.env)) {
      env[name] = value.startsWith(stage.workdir)
        ? path.join(dir, value.slice(stage.workdir.length))
        : value;
    }
    if (env.DATABASE_PATH) mkdirSync(path.dirname(env.DATABASE_PATH), { recursive: true });
    const port = await freePort();
    const [command, ...args] = stage.cmd;
    step(`${stage.cmd.join(' ')}  (Slack HTTP mode, port ${port})`);
    const child = spawn(command === 'node' ? process.execPath : command!, args, {
      cwd: dir,
      // Only what a container would have: PATH, HOME, the image's ENV and the bot's settings.
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        ...env,
        PORT: String(port),
        LOG_LEVEL: 'info',
        SLACK_BOT_TOKEN: 'xoxb-check-image',
        SLACK_SIGNING_SECRET: 'check-image-secret',
        SLACK_API_URL: slack.apiUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk;
      });
    }
    const exited = new Promise<number | null>((resolve) =>
      child.once('exit', (code) => resolve(code)),
    );
    let running = true;
    void exited.then(() => {
      running = false;
    });

    const base = `http://127.0.0.1:${port}`;
    const started = Date.now();
    let health: Response | null = null;
    while (running && Date.now() - started < STARTUP_LIMIT_MS) {
      health = await fetch(`${base}/healthz`).catch(() => null);
      if (health) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    check(
      health?.status === 200,
      `GET /healthz → ${health?.status ?? 'no answer'} (after ${Date.now() - started} ms)`,
    );
    const ready = await fetch(`${base}/readyz`).catch(() => null);
    process.stdout.write(
      `GET /readyz → ${ready?.status ?? 'no answer'} ${ready ? await ready.text() : ''}\n`,
    );
    check(ready?.status === 200, 'GET /readyz → 200 (store and LLM reachable; no LLM configured)');

    const signalled = Date.now();
    child.kill('SIGTERM');
    const limit = setTimeout(() => child.kill('SIGKILL'), SHUTDOWN_TIMEOUT_MS + 5_000);
    const code = await exited;
    clearTimeout(limit);
    const elapsed = Date.now() - signalled;
    check(code === 0, `exit code after SIGTERM: ${code}`);
    check(
      elapsed <= SHUTDOWN_TIMEOUT_MS + 1_000,
      `gone ${elapsed} ms after SIGTERM (limit ${SHUTDOWN_TIMEOUT_MS + 1_000} ms)`,
    );
    if (failures.length > 0) process.stdout.write(`\n-- the bot's output --\n${output}\n`);
  } finally {
    await slack.stop();
    if (keep) process.stdout.write(`\nkept ${dir}\n`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.stdout.write(
  failures.length === 0
    ? '\nOK: the runtime stage installs, starts, answers health checks and stops in time.\nNot checked here: building the image (needs Docker).\n'
    : `\n${failures.length} check(s) failed.\n`,
);
process.exit(failures.length === 0 ? 0 : 1);
