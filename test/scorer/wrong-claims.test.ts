import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadWrongClaims,
  shippedWrongClaims,
  wrongClaimsIn,
} from '../../src/scorer/wrong-claims.ts';

/** Correct statements a strong candidate makes; no wrong claim may fire on them. */
const CORRECT = [
  'We use PR-AUC because positives are 0.1%.',
  'Split by time: train on weeks 1-8, test on week 9.',
  'A/B test randomised by user for two weeks, primary metric watch time.',
  'Two-tower retrieval returns 1,000 candidates, then a GBDT ranker scores them.',
  '用 two-tower 召回 1000 个候选，再用 GBDT 精排。',
  'Monitor PSI on the top features and alert above 0.2.',
  'An isolation forest is unsupervised, so it needs no labels.',
  'SMOTE only on the training split; the test set keeps the natural 0.1% rate.',
];

describe('wrong claims catalogue (knowledge/misconceptions.yaml)', () => {
  const claims = shippedWrongClaims();

  it('has unique ids and recognises each claim in its own wrong examples, never in its right ones', () => {
    expect(new Set(claims.map((c) => c.id)).size).toBe(claims.length);
    for (const claim of claims) {
      for (const sentence of claim.examples.wrong) {
        expect(wrongClaimsIn([sentence], [claim]), `${claim.id}: ${sentence}`).toEqual([claim.id]);
      }
      for (const sentence of claim.examples.right) {
        expect(wrongClaimsIn([sentence], [claim]), `${claim.id}: ${sentence}`).toEqual([]);
      }
    }
  });

  it('gives every reason in Chinese too, for a Chinese interview', () => {
    const missing = claims.filter((c) => !/[\u4e00-\u9fff]/.test(c.whyZh ?? '')).map((c) => c.id);
    expect(missing).toEqual([]);
  });

  it('fires on no correct statement', () => {
    for (const sentence of CORRECT) expect(wrongClaimsIn([sentence], claims), sentence).toEqual([]);
    const rights = claims.flatMap((c) => c.examples.right);
    expect(rights.length).toBeGreaterThan(50);
    for (const sentence of rights) expect(wrongClaimsIn([sentence], claims), sentence).toEqual([]);
  });

  it('reports a broken file with its path and the claim', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'claims-'));
    const file = path.join(dir, 'misconceptions.yaml');
    writeFileSync(
      file,
      "version: 1\nclaims:\n  - id: bad\n    why: x\n    recognise: {en: ['(unclosed']}\n    examples: {wrong: [a], right: [b]}\n",
    );
    expect(() => loadWrongClaims(file)).toThrow(/misconceptions\.yaml: bad: invalid pattern/);
    writeFileSync(file, 'version: 1\nclaims: []\n');
    expect(() => loadWrongClaims(file)).toThrow(/misconceptions\.yaml: claims/);
    writeFileSync(
      file,
      "version: 1\nclaims:\n  - id: bare\n    why: x\n    recognise: {en: ['x']}\n",
    );
    expect(() => loadWrongClaims(file)).toThrow(/misconceptions\.yaml: claims\.0\.examples/);
  });
});
