/**
 * The fact matcher answers what a question is about, and nothing a question merely brushes
 * against: small talk and the candidate's own tooling get no fact, a time word does not turn a
 * data question into one about the current system, and a general data question gets every data
 * source of the kind it asks about.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { factsInClause, matchFacts } from '../../src/interviewer/fact-match.ts';
import { findQuestions } from '../../src/interviewer/questions.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import type { Fact } from '../../src/knowledge/schema.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge();
});

const factsOf = (scenarioId: string) => knowledge.scenarios.get(scenarioId)!.facts;
const asked = (scenarioId: string, message: string) =>
  matchFacts(findQuestions(message), factsOf(scenarioId)).facts.map((f) => f.id);

describe('questions outside the scenario', () => {
  it('small talk aimed at the interviewer asks for no fact', () => {
    expect(asked('churn-prediction', 'What is your favourite football team?')).toEqual([]);
    expect(asked('churn-prediction', 'Do you enjoy working with the team here?')).toEqual([]);
    expect(asked('churn-prediction', '你最喜欢哪个足球队？')).toEqual([]);
  });

  it("the candidate's own tooling is not the company's facts", () => {
    for (const id of ['ads-click-prediction', 'churn-prediction', 'search-ranking']) {
      expect(asked(id, 'Which cloud provider does the company use?')).toEqual([]);
      expect(asked(id, '公司用的是哪家云服务商？')).toEqual([]);
    }
  });

  it('a fact named outright beside the tooling is still answered', () => {
    expect(
      asked('ads-click-prediction', 'What is the latency budget and which cloud provider?'),
    ).toEqual(['latency-budget']);
  });
});

describe('what a question is about', () => {
  it('"today" gives way to what the clause asks for', () => {
    expect(asked('search-ranking', 'What gets recorded today that we could learn from?')).toEqual([
      'logs',
    ]);
    expect(asked('feed-engagement', 'What gets recorded today that we could learn from?')).toEqual([
      'interaction-data',
    ]);
    // With nothing else to ask about, the time word is the question.
    expect(asked('search-ranking', 'What do we have today?')).toEqual(['current-system']);
  });

  it('a question about records picks the logs, not item metadata that is data too', () => {
    expect(asked('event-recommendation', 'What gets recorded that we could learn from?')).toEqual([
      'interaction-data',
    ]);
    expect(asked('visual-search', 'What gets recorded that we could learn from?')).toEqual([
      'interaction-logs',
    ]);
    expect(asked('video-search', 'What gets recorded that we could learn from?')).toEqual([
      'engagement-logs',
    ]);
  });

  it('a general data question answers every data source of the kind it asks about', () => {
    const source = (id: string, what: string): Fact => ({
      id,
      topic: 'data',
      asks: { en: [], zh: [] },
      answer: { en: `We log ${what} for a year.`, zh: `我们记录了一年的${what}。` },
    });
    const facts: Fact[] = [
      source('click-logs', 'clicks'),
      source('purchase-history', 'purchases'),
      {
        id: 'latency-budget',
        topic: 'latency',
        asks: { en: ['latency'], zh: ['延迟'] },
        answer: { en: '100 ms.', zh: '100 毫秒。' },
      },
    ];
    expect(
      factsInClause('What gets recorded that we could learn from?', facts).map((f) => f.id),
    ).toEqual(['click-logs', 'purchase-history']);
    expect(factsInClause('How fast must it respond?', facts).map((f) => f.id)).toEqual([
      'latency-budget',
    ]);
  });

  it('the target question picks the labels, not the share of positives', () => {
    expect(
      asked(
        'violent-content-detection',
        'What would we train on as the target, and where does it come from?',
      ),
    ).toEqual(['labeled-data']);
  });

  it('a hyphenated noun phrase starting with "any" is a statement', () => {
    expect(findQuestions('any-to-any, multilingual translation.')).toEqual([]);
    expect(findQuestions('Any privacy constraints')).toHaveLength(1);
  });
});
