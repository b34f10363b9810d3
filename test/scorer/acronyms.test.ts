/**
 * Acronyms spelled out wrongly (src/scorer/analysis/acronyms.ts, knowledge/acronyms.yaml): only
 * an expansion shaped as one (its initials spell the acronym) is judged.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadAcronyms,
  misexpandedAcronymsIn,
  shippedAcronyms,
} from '../../src/scorer/analysis/acronyms.ts';

const misexpanded = (sentence: string) => misexpandedAcronymsIn([sentence]);

const WRONG: [string, string][] = [
  ['Retrieval uses ANN (approximate neural network) over the listing embeddings.', 'ANN'],
  ['还要检查 SRM，也就是 sample rate of model，确保两边采样率一致。', 'SRM'],
  ['We monitor the population shift index (PSI) on every feature.', 'PSI'],
  ['NDCG stands for normalized document click gain.', 'NDCG'],
  ['Offline we track MRR, i.e. monthly retention rate.', 'MRR'],
  ['BERT（bidirectional embedding retrieval transformer）做 query 编码。', 'BERT'],
  ['An LLM (large learning model) writes the answer from the retrieved passages.', 'LLM'],
  ['The TTL (time to learn) is one hour.', 'TTL'],
];

const RIGHT = [
  'Retrieval uses ANN (approximate nearest neighbour search) over the embeddings.',
  'We check SRM (sample ratio mismatch) before reading any metric.',
  'PSI (population stability index) above 0.2 triggers a review.',
  'Gradient-boosted decision trees (GBDT) are the baseline.',
  'The KS (Kolmogorov-Smirnov) test compares the two distributions.',
  'ETA (estimated time to arrival) is the label.',
  // Brackets that gloss a value, not the letters.
  'The TTL (a few hours) bounds staleness.',
  'Each ID (once placed) never changes.',
  'We report AUC (0.91 offline) and PR-AUC.',
  'The CTR (clicks over impressions) is the online metric.',
  // A correct expansion whose initials do not spell the acronym exactly is never judged.
  'CUPED (controlled experiments using pre-experiment data) cuts variance.',
  'MAP（mean average precision）作为离线指标。',
  // Found by an independent review.
  'Check for a sample-ratio mismatch (SRM) in the assignment logs.',
  'Root-mean-square error (RMSE) on the held-out week.',
  'IPS (inverse propensity score) weighting corrects the logged clicks.',
  'A CNN (convolutional neural net) embeds each thumbnail.',
  'ETA (expected time of arrival) is shown at checkout.',
  'ANN (approx. nearest neighbours) keeps retrieval under 10 ms.',
  'DAU (daily actives, US only) is the denominator.',
  'CTR, meaning clicks that reach the landing page, is what we optimise.',
  // Found by a review of the code.
  'TTL (the time limit) is one day.',
  'ANN (a nearest neighbour index) with HNSW.',
  'NER (named entity recognizer) tags the query.',
  'OOD (out of domain) inputs go to the fallback.',
  'CF (cold-start fallback) serves new users.',
];

describe('acronyms spelled out wrongly (knowledge/acronyms.yaml)', () => {
  it('reads each wrong expansion for its own acronym', () => {
    for (const [sentence, acronym] of WRONG)
      expect(misexpanded(sentence), sentence).toEqual([acronym]);
  });

  it('reads no right expansion, and no gloss of a value, as wrong', () => {
    for (const sentence of RIGHT) expect(misexpanded(sentence), sentence).toEqual([]);
  });

  it('accepts what each acronym says it means as a right expansion', () => {
    for (const a of shippedAcronyms()) {
      const sentence = `We use ${a.acronym} (${a.means.replace(/\s*\(.*\)$/, '')}) here.`;
      expect(misexpanded(sentence), sentence).toEqual([]);
    }
  });

  it('names the file and the acronym when a pattern is invalid', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'acronyms-'));
    const file = path.join(dir, 'acronyms.yaml');
    writeFileSync(
      file,
      'version: 1\nacronyms:\n  - {acronym: ANN, stands_for: ["(unclosed"], means: x}\n',
    );
    expect(() => loadAcronyms(file)).toThrow(/acronyms\.yaml: ANN: invalid pattern/);
  });

  it('costs little on a long run of brackets', () => {
    const long = `ANN ${'(a '.repeat(5000)}`;
    expect(misexpanded(long)).toEqual([]);
  });
});
