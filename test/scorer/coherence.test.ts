/**
 * Term pairings read against the knowledge base's correct text (src/scorer/analysis/coherence.ts):
 * terms a model answer or key point names together go together; terms no correct sentence ever
 * names together, side by side in one sentence, are what keyword stuffing looks like.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import {
  buildPairingIndex,
  contextFit,
  type PairingIndex,
  pairsUnfamiliarly,
} from '../../src/scorer/analysis/coherence.ts';
import { conceptsIn } from '../../src/scorer/analysis/concepts.ts';
import { lexiconFor } from '../../src/scorer/analysis/lexicon.ts';
import { tokenSet } from '../../src/scorer/tokens.ts';

let vocabulary: readonly string[];
let index: PairingIndex;

/** Read as the scorer reads a sentence: its concept keys over the whole vocabulary. */
const pairs = (sentence: string) => pairsUnfamiliarly(conceptsIn(sentence, vocabulary), index);
const fitOf = (sentence: string) =>
  contextFit(tokenSet(sentence), conceptsIn(sentence, vocabulary), index);

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

describe('context fit', () => {
  it('reads terms talked about in the words correct answers use with them as fitting', () => {
    for (const sentence of [
      'Two-tower retrieval embeds users and items so the ANN index can fetch candidates fast.',
      'PSI compares the distribution of a feature in production with its training distribution.',
      'Calibration makes predicted probabilities match observed rates.',
      '双塔召回把用户和物品分别编码成向量，再用 ANN 检索候选。',
    ]) {
      expect(fitOf(sentence), sentence).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('reads terms surrounded by ideas no correct answer puts with them as not fitting', () => {
    for (const sentence of [
      'PSI tells us which region our customers live in and what currency they pay in.',
      'Quantization decides which region our customers live in and what currency they pay in.',
      '量化就是决定用户住在哪个地区以及用什么货币付款。',
    ]) {
      expect(fitOf(sentence), sentence).toBeLessThan(0.4);
    }
  });

  it('is a weak signal: a term next to other terms borrows their company', () => {
    // Why it is a feature the model weighs, never a rule: "holiday" and "traffic" are named in
    // many correct sentences, so the stuffed sentence fits through them.
    expect(fitOf('Calibration means we buy more GPUs when the holiday traffic peaks.')).toBe(1);
  });

  it('judges nothing without a known term or with too few words to weigh', () => {
    expect(fitOf('Hello world, nice to meet you all today.')).toBeNull();
    expect(fitOf('We track PSI.')).toBeNull();
  });
});
