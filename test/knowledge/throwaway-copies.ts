/**
 * Shared by the knowledge tests: throwaway copies of a knowledge base to break or extend (removed
 * after each test), and the problems loading one reports.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/loader.ts';

/** Call at a test file's top level: the copier it returns makes copies removed after each test. */
export function throwawayCopies(prefix: string): (source: string) => string {
  let dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    dirs = [];
  });
  return (source) => {
    const dir = mkdtempSync(path.join(tmpdir(), prefix));
    dirs.push(dir);
    cpSync(source, dir, { recursive: true });
    return dir;
  };
}

/** The problems `loadKnowledge(dir)` refuses the folder with (it must refuse it). */
export async function problemsOf(dir: string): Promise<string[]> {
  const error = await loadKnowledge(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KnowledgeError);
  return (error as KnowledgeError).problems;
}
