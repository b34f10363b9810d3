/**
 * The engine is the platform-free core: it must not import a platform SDK, an LLM client, a
 * store backend, or any adapter/LLM/store module (those plug in through ports.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENGINE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/engine');
const FORBIDDEN_PACKAGES = [
  /^discord\.js$/,
  /^@slack\/bolt$/,
  /^openai(\/.*)?$/,
  /^keyv$/,
  /^@keyv\//,
  /^redis$/,
  /^ioredis$/,
  /^bottleneck$/,
];
const FORBIDDEN_MODULES = /(^|\/)src\/(adapters|llm|store|interviewer\/llm|scorer\/llm)(\/|$)/;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|mts|js|mjs)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every module specifier: static imports/exports, dynamic import(), require(). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s+(?:type\s+)?[^'"]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

function isForbidden(file: string, spec: string): boolean {
  const resolved = spec.startsWith('.')
    ? path.relative(path.resolve(ENGINE_DIR, '../..'), path.resolve(path.dirname(file), spec))
    : spec;
  return FORBIDDEN_PACKAGES.some((p) => p.test(spec)) || FORBIDDEN_MODULES.test(resolved);
}

describe('engine boundary', () => {
  it('src/engine imports no platform, LLM or store code', async () => {
    const files = await sourceFiles(ENGINE_DIR);
    expect(files.length).toBeGreaterThan(10);
    const violations: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(await readFile(file, 'utf8'))) {
        if (isForbidden(file, spec)) {
          violations.push(`${path.relative(ENGINE_DIR, file)} imports ${spec}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('the check itself catches a forbidden import', () => {
    const specs = specifiers(
      "import { Client } from 'discord.js';\nimport type { X } from '../llm/client.ts';\nconst r = await import('ioredis');",
    );
    expect(specs).toEqual(['discord.js', '../llm/client.ts', 'ioredis']);
    const file = path.join(ENGINE_DIR, 'commands', 'x.ts');
    expect(specs.map((s) => isForbidden(file, s))).toEqual([true, false, true]);
    expect(isForbidden(file, '../../scorer/llm/llm-scorer.ts')).toBe(true);
    expect(isForbidden(file, '../../store/index.ts')).toBe(true);
    expect(isForbidden(file, '../../adapters/terminal/render.ts')).toBe(true);
    expect(isForbidden(file, '../../knowledge/schema.ts')).toBe(false);
    expect(isForbidden(file, '@keyv/redis')).toBe(true);
  });
});
