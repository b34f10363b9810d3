/**
 * One test per finding of issue 12, on the real knowledge base through the engine with the
 * offline interviewer and scorer (what `npm start` runs without an LLM).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang, Reply, Scorecard } from '../../src/engine/types.ts';
import type { Knowledge } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { OfflineInterviewer } from '../../src/interviewer/rule-based-interviewer.ts';
import { OfflineScorer } from '../../src/scorer/offline-scorer.ts';
import { harness, texts } from '../engine/fakes.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge();
});

async function interview(scenarioId: string, lang: Lang = 'en') {
  const h = await harness({
    knowledge,
    interviewer: new OfflineInterviewer(),
    scorer: new OfflineScorer({ knowledge }),
  });
  await h.ok({ kind: 'start', scenarioId, lang });
  const say = async (text: string) => texts(await h.ok({ kind: 'answer', text })).join('\n');
  const followup = async () => texts(await h.ok({ kind: 'followup' })).join('\n');
  const next = async () => h.ok({ kind: 'next' });
  const end = async (): Promise<Scorecard> => {
    const replies = await h.ok({ kind: 'end' });
    return (replies.at(-1) as Extract<Reply, { kind: 'scorecard' }>).scorecard;
  };
  return { h, say, followup, next, end };
}

const fact = (scenarioId: string, id: string, lang: Lang = 'en') =>
  knowledge.scenarios.get(scenarioId)!.facts.find((f) => f.id === id)!.answer[lang];

describe('finding: facts nobody asked for', () => {
  it('"What is the latency budget?" gets the latency budget and not the compute budget', async () => {
    const { say } = await interview('youtube-recommendation');
    const reply = await say('What is the latency budget?');
    expect(reply).toContain(fact('youtube-recommendation', 'latency-budget'));
    expect(reply).not.toContain(fact('youtube-recommendation', 'compute-budget'));
  });

  it('a statement with a heading, "How often to retrain: hourly …", gets no facts', async () => {
    const { say } = await interview('youtube-recommendation');
    const reply = await say(
      'How often to retrain: hourly for the ranker, daily for the ID embedding tables.',
    );
    expect(reply).not.toMatch(/Good question/);
    for (const f of knowledge.scenarios.get('youtube-recommendation')!.facts) {
      expect(reply).not.toContain(f.answer.en);
    }
  });

  it('a Chinese statement "至于如何处理标签延迟：…" gets no facts', async () => {
    const { say } = await interview('fraud-detection', 'zh');
    const reply = await say(
      '至于如何处理标签延迟：我们先用用户报告的欺诈做早期标签，拒付到了再修正。',
    );
    for (const f of knowledge.scenarios.get('fraud-detection')!.facts) {
      expect(reply).not.toContain(f.answer.zh);
    }
  });

  it('an opening message with four questions gets four answers: no cap, none dropped', async () => {
    const { say } = await interview('fraud-detection');
    const reply = await say(
      'How many transactions do we process per second? What is the latency budget? How rare is fraud? When do we find out that a payment was fraudulent?',
    );
    for (const id of ['transaction-volume', 'latency-budget', 'fraud-rate', 'label-delay']) {
      expect(reply).toContain(fact('fraud-detection', id));
    }
    expect(reply).not.toContain(fact('fraud-detection', 'actions'));
  });
});

describe('finding: probes hand out the answer key', () => {
  it('a weak candidate is never told recall@k, two-tower, parameter server or training-serving skew', async () => {
    const { say, followup, next } = await interview('youtube-recommendation');
    const said: string[] = [];
    for (let stage = 0; stage < 11; stage++) {
      said.push(await say(`I would use a model and some data, step ${stage}.`));
      said.push(await followup());
      said.push(await followup());
      await next();
    }
    const all = said.join('\n').toLowerCase();
    for (const term of ['recall@k', 'two-tower', 'parameter server', 'training-serving skew']) {
      expect(all).not.toContain(term);
    }
  });
});

describe('finding: follow-ups miss what was just said', () => {
  it('right after "hashed to 2^24" no probe about feature hashing', async () => {
    const { say, next } = await interview('youtube-recommendation');
    for (let i = 0; i < 4; i++) await next();
    const reply = await say('IDs are hashed to 2^24 buckets and embedded.');
    expect(reply.toLowerCase()).not.toContain('hashing');
  });

  it('after "I run an A/B experiment" no question naming A/B testing', async () => {
    const { say, next } = await interview('youtube-recommendation');
    for (let i = 0; i < 7; i++) await next();
    const reply = await say('I run an A/B experiment.');
    expect(reply.toLowerCase()).not.toMatch(/a\/b test/);
  });

  it('a fraud interview never gets the engagement follow-up, in English or Chinese', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const { followup } = await interview('fraud-detection', lang);
      const asked: string[] = [];
      for (let i = 0; i < 8; i++) asked.push(await followup());
      expect(asked.join('\n')).not.toMatch(/engagement|参与度/i);
    }
  });

  it('no keyword label in the wording ("You haven\'t said much about "…" yet")', async () => {
    const { say } = await interview('youtube-recommendation');
    const reply = await say('We should recommend videos people like.');
    expect(reply).not.toMatch(/haven't said much about|还没怎么谈到/);
  });

  it("a fraud scorecard's rubric text suggests neither CTR nor creators vs viewers", async () => {
    const { say, next, end } = await interview('fraud-detection');
    // Weak but long enough to judge (a few words with nothing in them are "not enough to judge").
    await say('We block bad payments with a model that flags the suspicious ones for the team.');
    await next();
    await say(
      'We measure it somehow, with some metrics on the data we have, and see if it is good.',
    );
    const card = await end();
    const shown = [...card.gaps, ...card.nextSteps, ...card.strengths].join('\n');
    expect(shown).not.toMatch(/CTR|creators vs\. viewers|点击率|创作者/);
  });
});

describe('finding: mistakes pass unchallenged', () => {
  const cases: [string, string, RegExp][] = [
    ['accuracy on 0.1% fraud', 'I would use accuracy as the main metric.', /accuracy/i],
    [
      'a random split on time-ordered data',
      'I will randomly split the data 80/20 into train and test.',
      /random split|arrives over time/i,
    ],
    [
      'features that leak the label',
      'I would add the chargeback status as a feature.',
      /known at the moment/i,
    ],
    [
      'retraining on its own predictions',
      "We retrain every week on the model's own decisions as labels.",
      /own decisions/i,
    ],
  ];
  for (const [name, line, challenge] of cases) {
    it(`challenges ${name}, once`, async () => {
      const { say } = await interview('fraud-detection');
      expect(await say(line)).toMatch(challenge);
      expect(await say(line)).not.toMatch(challenge);
    });
  }

  it('the scorecard lists the mistake and whether the candidate recovered', async () => {
    const { say, end } = await interview('fraud-detection');
    await say('I would use accuracy as the main metric.');
    await say(
      'You are right, accuracy is misleading here; I would use precision and recall at a fixed decline rate.',
    );
    await say('I will randomly split the data 80/20 into train and test.');
    const card = await end();
    expect(card.mistakes?.map((m) => [m.id, m.recovered])).toEqual([
      ['accuracy-on-imbalanced', true],
      ['random-split-temporal', false],
    ]);
  });
});
