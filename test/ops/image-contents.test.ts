/**
 * What the container image needs, checked without Docker (no daemon here, and no registry to
 * pull node:20-slim from): the runtime stage installs `dependencies` only (`npm ci
 * --omit=dev`) and copies a few folders, so
 * - every package the code in those folders imports at run time must be in `dependencies`
 *   (a devDependency, or a package only present because another one pulled it in, would be
 *   missing or could vanish from the image);
 * - every relative import must stay inside the copied folders (`test/`, `bench/` are not in it);
 * - every path the Dockerfile copies must exist and not be excluded by .dockerignore.
 * `npm run check:image` goes further (a clean install of the copied paths, the bot started and
 * stopped); building the image itself needs Docker (README "Run at scale").
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

interface Copy {
  sources: string[];
  /** `--from=<stage>`: copied from a build stage, not from the repository. */
  fromStage: boolean;
}

/** The COPY instructions of the Dockerfile (flags dropped, destination dropped). */
function dockerCopies(dockerfile: string): Copy[] {
  return dockerfile
    .split('\n')
    .filter((line) => /^COPY\s/.test(line))
    .map((line) => {
      const words = line.trim().split(/\s+/).slice(1);
      const flags = words.filter((w) => w.startsWith('--'));
      const paths = words.filter((w) => !w.startsWith('--'));
      return {
        sources: paths.slice(0, -1),
        fromStage: flags.some((f) => f.startsWith('--from=')),
      };
    });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => path.join(dir, entry))
    .filter((file) => /\.(ts|js|mjs)$/.test(file) && statSync(file).isFile());
}

/** Module specifiers loaded when the file runs: `import type` and `export type` are erased. */
function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) {
      found.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      const callee = node.expression.getText(source);
      // import('x'), and require.resolve('x') / createRequire(...).resolve('x').
      const loads =
        node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        /require\b.*\.resolve$/.test(callee) ||
        /^require$/.test(callee);
      if (loads && first && ts.isStringLiteralLike(first)) found.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);

const dockerfile = read('Dockerfile');
const copies = dockerCopies(dockerfile);
const copiedFromRepo = copies.filter((c) => !c.fromStage).flatMap((c) => c.sources);
/** The code folders of the runtime image. */
const codeDirs = copiedFromRepo.filter(
  (p) => existsSync(path.join(ROOT, p)) && statSync(path.join(ROOT, p)).isDirectory(),
);

describe('the container image, without Docker', () => {
  it('copies paths that exist and that .dockerignore leaves in the build context', () => {
    expect(copiedFromRepo).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'src']),
    );
    const ignored = new Set(
      read('.dockerignore')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#') && !l.startsWith('!')),
    );
    for (const source of copiedFromRepo) {
      expect(existsSync(path.join(ROOT, source)), `COPY ${source}: no such path`).toBe(true);
      expect(ignored.has(source), `COPY ${source}, but .dockerignore excludes it`).toBe(false);
    }
  });

  it('every package imported at run time by the copied code is in dependencies', () => {
    const manifest = JSON.parse(read('package.json')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const missing: string[] = [];
    const imported = new Set<string>();
    for (const dir of codeDirs) {
      for (const file of filesUnder(path.join(ROOT, dir))) {
        for (const specifier of runtimeSpecifiers(file)) {
          if (specifier.startsWith('.') || isBuiltin(specifier)) continue;
          const name = packageOf(specifier);
          imported.add(name);
          if (!manifest.dependencies[name]) {
            const where = manifest.devDependencies[name] ? 'devDependencies' : 'neither list';
            missing.push(`${path.relative(ROOT, file)} imports ${specifier} (in ${where})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
    // The CMD's loader, and a sanity check that the scan found the code's packages.
    expect(dockerfile).toMatch(/CMD \["node", "--import", "tsx"/);
    expect(manifest.dependencies.tsx).toBeDefined();
    expect([...imported]).toEqual(expect.arrayContaining(['discord.js', '@slack/bolt', 'pg']));
    for (const name of imported) {
      expect(existsSync(path.join(ROOT, 'node_modules', name, 'package.json')), name).toBe(true);
    }
  });

  it('no relative import of the copied code leaves the copied folders', () => {
    // Loaded only when its command is asked for, and not meant for the image: `bench` measures
    // a checkout (with its dev dependencies), not a deployment.
    const devOnly = new Set(['src/cli.ts → ../bench/run.ts']);
    const outside: string[] = [];
    const inside = (target: string) =>
      codeDirs.some((dir) => !path.relative(path.join(ROOT, dir), target).startsWith('..'));
    for (const dir of codeDirs) {
      for (const file of filesUnder(path.join(ROOT, dir))) {
        for (const specifier of runtimeSpecifiers(file)) {
          if (!specifier.startsWith('.')) continue;
          const target = path.resolve(path.dirname(file), specifier);
          const edge = `${path.relative(ROOT, file)} → ${specifier}`;
          if (!inside(target) && !devOnly.has(edge)) outside.push(edge);
        }
      }
    }
    expect(outside).toEqual([]);
  });
});
