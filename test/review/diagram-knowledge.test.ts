import { unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge } from '../../src/knowledge/loader.ts';
import { problemsOf, throwawayCopies } from '../knowledge/throwaway-copies.ts';

const copyOf = throwawayCopies('mli-diagrams-');
const copy = () => copyOf(DEFAULT_KNOWLEDGE_DIR);

describe('knowledge/diagrams is validated at start-up', () => {
  it('a scenario without a file loads, with no diagram checks', async () => {
    const dir = copy();
    unlinkSync(path.join(dir, 'diagrams/scenarios/fraud-detection.yaml'));
    const knowledge = await loadKnowledge(dir);
    expect(knowledge.scenarios.get('fraud-detection')?.diagram).toBeUndefined();
    expect(knowledge.scenarios.get('search-ranking')?.diagram).toBeDefined();
  });

  it('names an unknown component or flow, with file and path', async () => {
    const dir = copy();
    writeFileSync(
      path.join(dir, 'diagrams/scenarios/fraud-detection.yaml'),
      'scenario: fraud-detection\nrequires: [monitoring, flux-capacitor]\nflows: [no-such-flow]\nlatencyMs: 100\nnumbers:\n  - { id: tps, value: 1200, unit: rps, words: { en: [tps], zh: [tps] } }\n',
    );
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.stringMatching(/requires\.1: no component "flux-capacitor"/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/flows\.0: no flow "no-such-flow"/));
  });

  it('checks the shape of the catalogue', async () => {
    const dir = copy();
    writeFileSync(
      path.join(dir, 'diagrams/components.yaml'),
      'version: 1\ncomponents:\n  - id: Bad Id\n',
    );
    const problems = await problemsOf(dir);
    expect(problems.some((p) => p.includes('components.yaml: components.0.id'))).toBe(true);
  });
});
