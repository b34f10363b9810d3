/** createApp: a failure after the store is open closes the store (its sockets would keep the process alive). */
import { pino } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';

const closed = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../src/store/index.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/store/index.ts')>();
  return {
    ...original,
    createStore: async (options: Parameters<typeof original.createStore>[0]) => {
      const handle = await original.createStore({ ...options, memory: true });
      return {
        ...handle,
        close: async () => {
          closed.count += 1;
          await handle.close();
        },
      };
    },
  };
});

vi.mock('../../src/app/llm-services.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/app/llm-services.ts')>()),
  createLlmServices: () => {
    throw new Error(
      'prompts/scorer.md: must start with <!-- prompt: <id> | version: <version> -->',
    );
  },
}));

describe('createApp', () => {
  it('closes the store it opened when assembling the rest fails', async () => {
    const config = loadConfig({
      KNOWLEDGE_DIR: 'test/fixtures/knowledge-mini',
      OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    });
    await expect(createApp(config, { logger: pino({ level: 'silent' }) })).rejects.toThrow(
      /prompts\/scorer\.md/,
    );
    expect(closed.count).toBe(1);
  });
});
