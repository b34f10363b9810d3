/**
 * Charts in the terminal: the real composition root (memory store, offline interviewer and
 * scorer, the real chart renderer) under the terminal interview loop. `/export` writes the
 * radar PNG beside the Markdown (same base name); `/history` shows per-stage sparklines.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import type { LineReader } from '../../../src/adapters/terminal/lines.ts';
import { runTerminalInterview } from '../../../src/adapters/terminal/session.ts';
import { createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { pngSize } from '../../practice/png.ts';

const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../../fixtures/knowledge-mini');
const dir = mkdtempSync(path.join(tmpdir(), 'mli-charts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function linesOf(lines: string[]): LineReader {
  const queue = [...lines];
  return { next: async () => queue.shift() ?? null, close() {} };
}

async function terminal(env: Record<string, string>) {
  const config = loadConfig({ KNOWLEDGE_DIR, ...env });
  const app = await createApp(config, { logger: pino({ level: 'silent' }), memoryStore: true });
  let out = '';
  const stdout = new PassThrough();
  stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  const io = { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {} };
  const run = async (sessionId: string, lines: string[], start: boolean) => {
    out = '';
    await runTerminalInterview({
      engine: app.engine,
      io,
      lines: linesOf(lines),
      actor: 'terminal:charts',
      sessionId,
      lang: 'en',
      ...(start ? { start: { kind: 'start', scenarioId: 'mini-recsys', places: [] } } : {}),
      exportDir: dir,
      resumeHint: 'resume',
    });
    return out;
  };
  return { app, run };
}

const INTERVIEW = [
  'Objective: watch time for 10M users, latency under 200 ms, a ranking problem.',
  '/next',
  'Offline NDCG and recall at k; online watch time in an A/B test.',
  '/next',
  'Two-tower candidate generation, then a ranker trained on engagement.',
  '/end',
];

describe('terminal charts', () => {
  it('writes the radar PNG beside the export and shows sparklines in /history', async () => {
    const { app, run } = await terminal({});
    try {
      await run('t1', INTERVIEW, true);
      await run('t2', INTERVIEW, true);
      const out = await run('t2', ['/export', '/history'], false);

      const markdown = readdirSync(dir).find((f) => f.endsWith('.md'))!;
      const png = markdown.replace(/\.md$/, '.png');
      expect(readdirSync(dir)).toContain(png);
      expect(out).toContain(`Chart (PNG) written to ${path.join(dir, png)}`);
      expect(pngSize(readFileSync(path.join(dir, png)))).toEqual({ width: 640, height: 540 });

      expect(out).toContain('Progress by stage (oldest → latest, 1–4)');
      // One row per stage answered, a two-score sparkline and "first → latest".
      expect(out).toMatch(
        /Clarifying requirements\s+[▁▂▃▄▅▆▇█]{2}\s+\d\.\d\/4 → \d\.\d\/4\s+2 scores/,
      );
    } finally {
      await app.close();
    }
  });

  it('with CHARTS=off the export is the Markdown alone', async () => {
    const { app, run } = await terminal({ CHARTS: 'off' });
    try {
      await run('t3', INTERVIEW, true);
      const before = new Set(readdirSync(dir));
      const out = await run('t3', ['/export'], false);
      const added = readdirSync(dir).filter((f) => !before.has(f));
      expect(added.filter((f) => f.endsWith('.png'))).toEqual([]);
      expect(out).not.toContain('Chart (PNG)');
    } finally {
      await app.close();
    }
  });
});
