/**
 * maid (Mermaid parser), mathjs (units) and file-type (image sniffing) are loaded at first use,
 * not at start-up (bench/startup.ts prints what that saves). A static import anywhere in src/
 * would put them back on the start-up path; only `import type` and `import('…')` are allowed.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '../../src');
const LAZY = ['@probelabs/maid', 'mathjs', 'file-type'];

describe('libraries loaded at first use', () => {
  it('no module in src/ imports maid, mathjs or file-type statically', async () => {
    const entries = await readdir(SRC, { withFileTypes: true, recursive: true });
    const files = entries.filter((e) => e.isFile() && e.name.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const entry of files) {
      const file = path.join(entry.parentPath, entry.name);
      const source = await readFile(file, 'utf8');
      for (const m of source.matchAll(
        /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm,
      )) {
        if (LAZY.includes(m[1]!)) found.push(`${path.relative(SRC, file)}: ${m[1]}`);
      }
    }
    expect(found).toEqual([]);
  });
});
