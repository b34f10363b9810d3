/**
 * The terminal speaks the interview's language even when a turn is refused before the session is
 * read (the store stopped answering): the real composition root, memory store, offline paths.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { LineReader } from '../../../src/adapters/terminal/lines.ts';
import { runTerminalInterview } from '../../../src/adapters/terminal/session.ts';
import { createApp } from '../../../src/app.ts';
import { loadConfig } from '../../../src/config.ts';

const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../../fixtures/knowledge-mini');

describe('terminal language', () => {
  it('says "storage unreachable" in Chinese in a Chinese interview', async () => {
    const app = await createApp(loadConfig({ KNOWLEDGE_DIR }), {
      logger: pino({ level: 'silent' }),
      memoryStore: true,
    });
    try {
      const script = ['目标是提升观看时长，延迟在 200 毫秒以内。', '/next'];
      const lines: LineReader = {
        next: async () => {
          // The store is lost after the first answer, before /next is sent.
          if (script.length === 1) app.ops.gate.setStoreDown(true);
          return script.shift() ?? null;
        },
        close() {},
      };
      let out = '';
      const stdout = new PassThrough();
      stdout.on('data', (d: Buffer) => {
        out += d.toString('utf8');
      });
      await runTerminalInterview({
        engine: app.engine,
        io: { stdin: new PassThrough(), stdout, stderr: new PassThrough(), env: {} },
        lines,
        actor: 'terminal:language',
        sessionId: 'zh-1',
        lang: 'zh',
        start: { kind: 'start', scenarioId: 'mini-recsys', places: [], lang: 'zh' },
        exportDir: tmpdir(),
        resumeHint: 'resume',
      });
      expect(out).toContain('我们暂时连不上存储');
      expect(out).not.toContain('We cannot reach our storage');
    } finally {
      await app.close();
    }
  });
});
