/**
 * Sentences read against the catalogues' wrong and right examples
 * (src/scorer/analysis/wrong-likeness.ts): a wrong sentence no pattern matches still leans toward
 * the wrong examples when it says what they say about its terms.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { stageById } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { indexSentences, ownWordsOf } from '../../src/scorer/analysis/coherence.ts';
import {
  buildWrongLikenessModel,
  wrongLikeness,
} from '../../src/scorer/analysis/wrong-likeness.ts';
import { readAnswer } from '../../src/scorer/features.ts';
import { tokenSet } from '../../src/scorer/tokens.ts';

describe('wrong likeness, on a model built from a handful of sentences', () => {
  const vocabulary = ['psi', 'auc'];
  const model = buildWrongLikenessModel(
    indexSentences(
      ['PSI measures ranking quality of the feed.', 'AUC is the accuracy on the validation set.'],
      vocabulary,
    ),
    indexSentences(
      [
        'PSI measures distribution shift between training and serving.',
        'AUC is the probability a positive ranks above a negative, whatever the threshold.',
        'We alert when PSI on a feature passes 0.2, a sign of drift.',
      ],
      vocabulary,
    ),
    ownWordsOf(vocabulary),
  );
  const likeness = (sentence: string) =>
    wrongLikeness(tokenSet(sentence), indexSentences([sentence], vocabulary)[0]!.concepts, model);

  it('leans wrong when a term is talked about as the wrong examples talk about it', () => {
    expect(likeness('Our PSI tells us the ranking quality.')).toBeGreaterThan(0);
    expect(likeness('AUC: accuracy, computed on validation.')).toBeGreaterThan(0);
  });

  it('leans correct when it is talked about as correct text talks about it', () => {
    expect(likeness('PSI flags drift: the feature distribution shifted.')).toBeLessThan(0);
  });

  it("leaves a term's own words out of its pairings, multi-word terms included", () => {
    const own = ownWordsOf(['feature store', 'PR-AUC']);
    const sentence = 'The feature store keeps PR-AUC inputs fresh.';
    const withTerms = buildWrongLikenessModel(
      indexSentences([sentence], ['feature store', 'PR-AUC']),
      [],
      own,
    );
    const pairings = [...withTerms.wrong.keys()].filter((f) => f.includes('|'));
    expect(pairings.length).toBeGreaterThan(0);
    for (const f of pairings) {
      const [concept, word] = f.split('|') as [string, string];
      expect(own.get(concept)?.has(word), f).toBeFalsy();
    }
    // Each term's own words are its phrase's words, not its key's ("featurstore", "prauc").
    for (const words of own.values()) expect(words.size).toBe(2);
    expect(pairings).toContain('featurstore|auc');
    expect(pairings).not.toContain('featurstore|store');
    expect(pairings).not.toContain('prauc|auc');
  });

  it('has nothing to say about a sentence whose words it never saw', () => {
    expect(likeness('Lunch is at noon.')).toBeNull();
  });
});

describe('wrong likeness, as the scorer reads an answer', () => {
  let knowledge: Knowledge;
  const read = (answer: string) =>
    readAnswer({
      framework: knowledge.framework,
      scenarios: knowledge.scenarios,
      scenario: knowledge.scenarios.get('fraud-detection')!,
      stage: stageById(knowledge.framework, 'metrics'),
      lang: 'en',
      answer,
    });
  // Sound, and wrong in a way no catalogue pattern catches (the F1 of an uptime, log loss as a
  // count of chargebacks), while every term in it is a right term for the stage.
  const sound =
    'Precision at a fixed recall is the metric I would report, since missing fraud costs more than a false alarm; PR-AUC offline because positives are rare.';
  const stuffed =
    "We track the F1 score of the payment gateway's uptime and use log loss to measure how many chargebacks per merchant.";

  beforeAll(async () => {
    knowledge = await loadKnowledge();
  });

  it('reads the keyword-stuffed answer as more like the wrong examples than the sound one', () => {
    const stuffedReading = read(stuffed);
    expect(stuffedReading.wrongIdeas).toBe(0);
    expect(stuffedReading.features.wrongLikeness).toBeGreaterThan(
      read(sound).features.wrongLikeness,
    );
  });

  it('weighs content sentences only, so generic text around an answer does not move it', () => {
    const padded = `I really enjoy thinking about problems like this one. ${stuffed} Thanks for listening, happy to go deeper anywhere.`;
    expect(read(padded).features.wrongLikeness).toBeCloseTo(read(stuffed).features.wrongLikeness);
  });

  it('leaves a sentence already read as wrong to the wrong-claims feature', () => {
    const caught = read(
      'Recall tells us how fast the model scores a transaction, and PR-AUC is the share of users who churn after a decline.',
    );
    expect(caught.wrongIdeas).toBeGreaterThan(0);
    expect(caught.features.wrongLikeness).toBeNaN();
  });
});
