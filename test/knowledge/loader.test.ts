import { copyFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { STAGE_IDS } from '../../src/knowledge/schema.ts';
import { problemsOf, throwawayCopies } from './throwaway-copies.ts';

const MINI = path.resolve(import.meta.dirname, '../fixtures/knowledge-mini');
const BROKEN = path.resolve(
  import.meta.dirname,
  '../fixtures/knowledge-broken/broken-scenario.yaml',
);

const copyOf = throwawayCopies('mli-knowledge-');
/** A copy of the mini knowledge base to add files to. */
const knowledgeCopy = () => copyOf(MINI);

describe('loadKnowledge', () => {
  it('loads the shipped knowledge base: 11 stages in order, at least 15 scenarios', async () => {
    const { framework, scenarios } = await loadKnowledge();
    expect(framework.stages.map((s) => s.id)).toEqual([...STAGE_IDS]);
    expect(scenarios.size).toBeGreaterThanOrEqual(15);
    expect(framework.followupTopics.length).toBeGreaterThanOrEqual(9);
  });

  it('picks up a scenario dropped into the scenarios folder', async () => {
    const dir = knowledgeCopy();
    copyFileSync(
      path.join(MINI, 'scenarios/mini-fraud.yaml'),
      path.join(dir, 'scenarios/mini-fraud-2.yaml'),
    );
    // The id must match the file name: rename it inside too.
    const text = (await import('node:fs')).readFileSync(
      path.join(dir, 'scenarios/mini-fraud-2.yaml'),
      'utf8',
    );
    writeFileSync(
      path.join(dir, 'scenarios/mini-fraud-2.yaml'),
      text.replace('id: mini-fraud', 'id: mini-fraud-2'),
    );
    const { scenarios } = await loadKnowledge(dir);
    expect([...scenarios.keys()]).toContain('mini-fraud-2');
  });

  it('names the file, the path inside it and the problem for a broken scenario', async () => {
    const dir = knowledgeCopy();
    copyFileSync(BROKEN, path.join(dir, 'scenarios/broken-scenario.yaml'));
    const problems = await problemsOf(dir);
    const file = path.join(dir, 'scenarios/broken-scenario.yaml');
    expect(problems.every((p) => p.startsWith(`${file}: `))).toBe(true);
    const text = problems.join('\n');
    expect(text).toContain('facts.0.answer.zh:'); // the missing translation
    expect(text).toContain('stages.1:'); // "modelling" is not a stage id
    expect(text).toMatch(/modeling|requirements/);
  });

  it('reports YAML syntax errors and id/file-name mismatches', async () => {
    const dir = knowledgeCopy();
    writeFileSync(path.join(dir, 'scenarios/bad-yaml.yaml'), 'id: [unclosed\n');
    copyFileSync(
      path.join(MINI, 'scenarios/mini-fraud.yaml'),
      path.join(dir, 'scenarios/renamed.yaml'),
    );
    const problems = await problemsOf(dir);
    expect(problems.some((p) => p.includes('bad-yaml.yaml: '))).toBe(true);
    expect(
      problems.some((p) =>
        p.includes('renamed.yaml: id: is "mini-fraud" but the file name says "renamed"'),
      ),
    ).toBe(true);
  });

  it('refuses one scenario id in both a .yaml and a .yml file', async () => {
    const dir = knowledgeCopy();
    copyFileSync(
      path.join(MINI, 'scenarios/mini-fraud.yaml'),
      path.join(dir, 'scenarios/mini-fraud.yml'),
    );
    const problems = await problemsOf(dir);
    expect(problems).toEqual([
      `${path.join(dir, 'scenarios/mini-fraud.yml')}: id: "mini-fraud" is also defined by mini-fraud.yaml; keep one of the two files`,
    ]);
  });

  it('reports a framework with stages out of order', async () => {
    const dir = knowledgeCopy();
    const fs = await import('node:fs');
    const framework = fs.readFileSync(path.join(dir, 'framework.yaml'), 'utf8');
    fs.writeFileSync(
      path.join(dir, 'framework.yaml'),
      framework.replace('id: requirements', 'id: metrics'),
    );
    const problems = await problemsOf(dir);
    expect(problems.join('\n')).toContain(
      'framework.yaml: stages.0.id: stage 1 must be "requirements"',
    );
  });

  it('reports a missing folder', async () => {
    const problems = await problemsOf(path.join(tmpdir(), 'mli-no-such-knowledge'));
    expect(problems.join('\n')).toContain('framework.yaml');
  });
});
