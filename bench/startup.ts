/**
 * `npx tsx bench/startup.ts [--runs N] [--json]`: what start-up costs, and what loading maid
 * (Mermaid parser) and mathjs (units) at first use instead of at start-up saves. Each run is a
 * fresh `node --import tsx` child that builds the app as `npm start` does (composition root,
 * knowledge base, in-memory store, offline interviewer and scorer), in two ways:
 *
 *   lazy   the code as it is: maid and mathjs are imported at the first diagram or estimate
 *   eager  the same, after importing maid and mathjs first, as the static imports did before
 *
 * Runs alternate lazy/eager so a busy machine slows both alike. Printed per mode: the median
 * and min of the child's own time to a built app (`ready`), and of the wall time from spawn to
 * exit (`process`, with Node and tsx start-up). Figures only; nothing is asserted.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SELF = fileURLToPath(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function child(eager: boolean): Promise<void> {
  const start = performance.now();
  if (eager) {
    await import('@probelabs/maid');
    await import('mathjs');
  }
  const { createApp } = await import('../src/app.ts');
  const { loadConfig } = await import('../src/config.ts');
  const { pino } = await import('pino');
  const app = await createApp(loadConfig({ LOG_LEVEL: 'silent' }), {
    logger: pino({ level: 'silent' }),
    memoryStore: true,
  });
  const readyMs = performance.now() - start;
  await app.close();
  process.stdout.write(`${JSON.stringify({ readyMs })}\n`);
}

interface Run {
  readyMs: number;
  processMs: number;
}

function runChild(eager: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const began = performance.now();
    const args = ['--import', 'tsx', SELF, '--child', ...(eager ? ['--eager'] : [])];
    const proc = spawn(process.execPath, args, {
      cwd: ROOT,
      // No platform tokens or LLM: the embedded default, as `npm start` with nothing set.
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) return reject(new Error(`child exited with ${code}`));
      const { readyMs } = JSON.parse(out.trim().split('\n').at(-1)!) as { readyMs: number };
      resolve({ readyMs, processMs: performance.now() - began });
    });
  });
}

interface Summary {
  runs: number;
  readyMedianMs: number;
  readyMinMs: number;
  processMedianMs: number;
  processMinMs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'boolean' },
      eager: { type: 'boolean' },
      runs: { type: 'string', default: '5' },
      json: { type: 'boolean' },
    },
  });
  if (values.child) return child(Boolean(values.eager));
  const runs = Number(values.runs);
  const results: Record<'lazy' | 'eager', Run[]> = { lazy: [], eager: [] };
  await runChild(false); // warm the file cache and tsx's transform cache
  for (let i = 0; i < runs; i++) {
    for (const mode of ['lazy', 'eager'] as const) {
      results[mode].push(await runChild(mode === 'eager'));
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  const summarise = (r: Run[]): Summary => ({
    runs: r.length,
    readyMedianMs: Math.round(median(r.map((x) => x.readyMs))),
    readyMinMs: Math.round(Math.min(...r.map((x) => x.readyMs))),
    processMedianMs: Math.round(median(r.map((x) => x.processMs))),
    processMinMs: Math.round(Math.min(...r.map((x) => x.processMs))),
  });
  const summary = { lazy: summarise(results.lazy), eager: summarise(results.eager) };
  if (values.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  process.stdout.write(
    'start-up to a built app (median / min over runs, ms)\n' +
      'mode    runs   ready (median / min)   process (median / min)\n',
  );
  for (const mode of ['lazy', 'eager'] as const) {
    const s = summary[mode];
    process.stdout.write(
      `${mode.padEnd(7)} ${String(s.runs).padStart(4)}   ${String(s.readyMedianMs).padStart(6)} / ${String(s.readyMinMs).padEnd(10)}   ${String(s.processMedianMs).padStart(6)} / ${s.processMinMs}\n`,
    );
  }
  const saved = summary.eager.readyMedianMs - summary.lazy.readyMedianMs;
  process.stdout.write(
    `loading maid and mathjs at first use saves ${saved} ms of start-up (median)\n`,
  );
}

await main();
