/**
 * `train-scorer` rebuilds the committed model from the committed corpus: the weights in
 * src/scorer/weights.json are exactly what the command prints from datasets/scoring/, so the
 * model cannot drift from its data unnoticed.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { trainScorerCommand } from '../../src/cli/train-scorer.ts';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

describe('train-scorer', () => {
  it('reproduces the committed weights from the committed corpus, byte for byte', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'weights-')), 'weights.json');
    const stdout = sink();
    const stderr = sink();
    const code = await trainScorerCommand(['--out', out], {
      stdin: Readable.from([]),
      stdout: stdout.stream,
      stderr: stderr.stream,
      env: {},
    });
    expect(stderr.text()).toBe('');
    expect(code).toBe(0);
    // Every writer of the corpus (w1–w6, w11, w12; w7 is the held-back holdout.jsonl).
    expect(stdout.text()).toMatch(/from 8 writer\(s\)/);
    const committed = path.resolve(import.meta.dirname, '../../src/scorer/weights.json');
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(committed, 'utf8'));
  }, 120_000);

  it('says which set is broken, and exits 2', async () => {
    const stderr = sink();
    const code = await trainScorerCommand(['--set', '/nonexistent.jsonl'], {
      stdin: Readable.from([]),
      stdout: sink().stream,
      stderr: stderr.stream,
      env: {},
    });
    expect(code).toBe(2);
    expect(stderr.text()).toMatch(/nonexistent\.jsonl: file not found/);
  });
});
