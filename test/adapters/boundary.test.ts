/**
 * Adapters are thin translations of the engine's replies: they import the engine, the adapter
 * kit and their own folder, never the knowledge base (replies carry every name they render),
 * the CLI, the LLM plumbing, the store, the interviewer or scorer, or another platform.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
const ADAPTERS = path.join(SRC, 'adapters');
const FORBIDDEN = /^(knowledge|cli|llm|store|interviewer|scorer)(\/|$)/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

/** Why `spec` imported from `file` crosses the adapter boundary, or null. */
function violation(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const target = path.relative(SRC, path.resolve(path.dirname(file), spec));
  if (FORBIDDEN.test(target)) return `imports src/${target}`;
  const platform = path.relative(ADAPTERS, file).split(path.sep)[0];
  // The registry is the one place that names every platform.
  if (platform === 'registry.ts') return null;
  const [top, other] = target.split(path.sep);
  if (top === 'adapters' && other !== 'kit' && other !== platform) {
    return `imports another platform: src/${target}`;
  }
  return null;
}

describe('adapter boundary', () => {
  it('no adapter imports the knowledge base, the CLI, LLM, store, interviewer, scorer or another platform', async () => {
    const files = await sourceFiles(ADAPTERS);
    expect(files.length).toBeGreaterThan(30);
    const found: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(await readFile(file, 'utf8'))) {
        const why = violation(file, spec);
        if (why) found.push(`${path.relative(SRC, file)} ${why}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('the check itself catches a forbidden import', () => {
    const file = path.join(ADAPTERS, 'discord', 'render.ts');
    expect(violation(file, '../../knowledge/schema.ts')).toContain('knowledge');
    expect(violation(file, '../../cli/io.ts')).toContain('cli');
    expect(violation(file, '../slack/ids.ts')).toContain('another platform');
    expect(violation(file, '../kit/ids.ts')).toBeNull();
    expect(violation(file, '../../engine/messages.ts')).toBeNull();
    expect(violation(file, 'discord.js')).toBeNull();
  });
});
