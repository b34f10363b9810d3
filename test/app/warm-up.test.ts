/**
 * The bots build the offline scorer's indexes once connected (`app.warmUp()`), so the first
 * answer scored does not wait for them. How long it takes is a benchmark's business, not a
 * test's: here, that it builds them from the shipped knowledge base and leaves scoring unchanged.
 */
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp, warmUpScorer } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';

describe('warming up the offline scorer', () => {
  it('builds from the shipped knowledge base, and scoring afterwards works as before', async () => {
    const app = await createApp(loadConfig({}), {
      logger: pino({ level: 'silent' }),
      memoryStore: true,
    });
    try {
      const first = app.warmUp();
      expect(Number.isFinite(first)).toBe(true);
      expect(first).toBeGreaterThanOrEqual(0);
      // Twice is harmless: everything built is kept.
      expect(Number.isFinite(app.warmUp())).toBe(true);
      const sessionId = 'test:warm';
      const started = await app.engine.execute({
        actor: 'ada',
        sessionId,
        command: { kind: 'start', scenarioId: 'fraud-detection', lang: 'en' },
      });
      expect(started.ok).toBe(true);
      const answered = await app.engine.execute({
        actor: 'ada',
        sessionId,
        command: { kind: 'answer', text: 'Who is affected when we block a good card?' },
      });
      expect(answered.ok).toBe(true);
    } finally {
      await app.close();
    }
  });

  it('logs a warm-up that fails instead of ending the process', () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const broken = {
      warmUp: () => {
        throw new Error('knowledge/acronyms.yaml: ANN: invalid pattern');
      },
    };
    expect(() => warmUpScorer(broken, logger)).not.toThrow();
    expect(lines.join('')).toContain('offline scorer warm-up failed');
    warmUpScorer({ warmUp: () => 12.3 }, logger);
    expect(lines.at(-1)).toContain('"ms":12');
  });
});
