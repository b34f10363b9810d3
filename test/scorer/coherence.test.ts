/**
 * Term pairings read against the knowledge base's correct text (src/scorer/analysis/coherence.ts):
 * terms a model answer or key point names together go together; terms no correct sentence ever
 * names together, side by side in one sentence, are what keyword stuffing looks like.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import {
  buildPairingIndex,
  type PairingIndex,
  pairsUnfamiliarly,
} from '../../src/scorer/analysis/coherence.ts';
import { conceptsIn } from '../../src/scorer/analysis/concepts.ts';
import { lexiconFor } from '../../src/scorer/analysis/lexicon.ts';

let vocabulary: readonly string[];
let index: PairingIndex;

/** Read as the scorer reads a sentence: its concept keys over the whole vocabulary. */
const pairs = (sentence: string) => pairsUnfamiliarly(conceptsIn(sentence, vocabulary), index);

beforeAll(async () => {
  const knowledge = await loadKnowledge();
  vocabulary = lexiconFor(knowledge.framework, knowledge.scenarios).vocabulary;
  index = buildPairingIndex(knowledge.scenarios.values(), vocabulary);
});

describe('term pairings', () => {
  it('reads terms that correct answers name together as familiar, in English and Chinese', () => {
    for (const sentence of [
      'Two-tower retrieval feeds the ANN index with item embeddings.',
      'We monitor PSI on input features and alert on drift.',
      '双塔召回用 ANN 索引检索 item embedding。',
    ]) {
      expect(pairs(sentence), sentence).toBe(false);
    }
  });

  it('reads terms put together as no correct answer does as unfamiliar', () => {
    for (const sentence of [
      'We use PSI to improve NDCG.',
      '用 PSI 来提升 NDCG。',
      'Quantization handles cold start for new users.',
      'The feature store keeps the prefix trie, and Kafka does candidate generation.',
    ]) {
      expect(pairs(sentence), sentence).toBe(true);
    }
  });

  it('judges nothing in a sentence with fewer than two known terms', () => {
    expect(pairs('Hello world, nice to meet you.')).toBeNull();
    expect(pairs('We track PSI.')).toBeNull();
  });
});
