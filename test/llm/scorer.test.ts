/**
 * The LLM judge against the local OpenAI-compatible stand-in: checklist grading with verified
 * quotes and levels computed from the checks; several samples combined by median with their
 * spread shown, malformed samples dropped, the offline fallback when none is usable.
 */
import { describe, expect, it } from 'vitest';
import { reply } from '../fakes/openai-server.ts';
import {
  ANSWER,
  checklist,
  GOOD,
  QUOTES,
  systemMessage,
  useJudgeServer,
  userMessage,
  ZH_ANSWER,
  ZH_QUOTES,
} from './judge-fixtures.ts';
import { scoringInput } from './helpers.ts';
import { noteText, type StoredNote } from '../../src/engine/messages.ts';

/** A score's notes in words (the engine words the codes in the interview's language). */
const noteTexts = (score: { notes: StoredNote[] }, lang: 'en' | 'zh' = 'en') =>
  score.notes.map((note) => noteText(note, lang));

const stand = useJudgeServer();

describe('LLM judge: checklist grading', () => {
  it('computes each level from the checks, keeps verified quotes, samples 3 times at 0.7 by default', async () => {
    stand.server.on({ schema: 'stage_score' }, reply.json(checklist(GOOD)));
    const { scorer } = stand.judge({ samples: 'default' });
    const score = await scorer.score(scoringInput('metrics', ANSWER));

    expect(score.scorer).toBe('llm');
    expect(score.criteria.map((c) => [c.id, c.level])).toEqual([
      ['offline-metrics', 3],
      ['online-metrics', 4],
      ['metric-tradeoffs', 3],
    ]);
    expect(score.score).toBeCloseTo(3.33, 2);
    expect(score.level).toBe(3);
    expect(score.criteria[1]).toMatchObject({
      evidence: ['the main metric is watch time per user'],
      feedback: 'Advice on online-metrics.',
    });
    expect(score.confidence).toEqual({ samples: 3, spread: 0 });
    expect(noteTexts(score)).toEqual(['3 samples agreed on every criterion']);
    expect(score.promptVersion).toMatch(/^scorer-v2#[0-9a-f]{8}$/);
    expect(score.model).toBe('fake-gpt-2025');
    expect(score.usage?.requests).toBe(3);

    expect(stand.server.requests).toHaveLength(3);
    const [request] = stand.server.requests;
    expect(stand.server.requests.every((r) => r.body.temperature === 0.7)).toBe(true);
    expect(request?.body.response_format?.json_schema?.strict).toBe(true);
    const system = systemMessage(request!);
    // The rubric with its descriptors and checks, the key points and the reference answer.
    expect(system).toMatch(/Level 4: .+/);
    expect(system).toContain(
      '- `offline-metrics.4` (level 4): Names a limit of the offline metric for this product.',
    );
    expect(system).toContain('1. Offline ranking metrics such as NDCG.');
    expect(system).toContain(
      "<reference_answer>\nOffline, NDCG@10 on the next day's held-out watch sessions",
    );
    expect(system).toMatch(/untrusted data/);
    expect(userMessage(request!)).toContain(`<candidate_answer>\n${ANSWER}\n</candidate_answer>`);
  });

  it('applies the two-thirds rule: a level is reached with 2 of its 2 checks, and only above the levels below it', async () => {
    const sample = checklist({ 'offline-metrics': 3, 'online-metrics': 1, 'metric-tradeoffs': 1 });
    // One of offline-metrics' two level-4 checks met: not enough for 4.
    sample.checks[2] = { id: 'offline-metrics.3', quote: QUOTES['offline-metrics'], answer: 'yes' };
    // online-metrics' level-4 check met without the level-2 and level-3 ones: nothing.
    sample.checks[6] = { id: 'online-metrics.3', quote: QUOTES['online-metrics'], answer: 'yes' };
    stand.server.on({ schema: 'stage_score' }, reply.json(sample));
    const { scorer } = stand.judge();
    const score = await scorer.score(scoringInput('metrics', ANSWER));
    expect(score.criteria.map((c) => c.level)).toEqual([3, 1, 1]);
    expect(score.criteria[0]?.evidence).toEqual([QUOTES['offline-metrics']]);
    // A criterion at level 1 shows no evidence, even if a higher check was met.
    expect(score.criteria[1]?.evidence).toEqual([]);
  });

  it('counts a "yes" whose quote is not in the answer (or is empty) as "no", and says so', async () => {
    const sample = checklist(GOOD);
    // An invented quote on offline-metrics' level-2 check: the criterion falls to 1.
    sample.checks[0] = {
      id: 'offline-metrics.1',
      quote: 'I would use a calibrated AUC of 0.93',
      answer: 'yes',
    };
    // An empty quote on online-metrics' level-4 check: the criterion falls to 3.
    sample.checks[6] = { id: 'online-metrics.3', quote: '', answer: 'yes' };
    stand.server.on({ schema: 'stage_score' }, reply.json(sample));
    const { scorer } = stand.judge();
    const score = await scorer.score(scoringInput('metrics', ANSWER));

    expect(score.scorer).toBe('llm');
    expect(score.criteria.map((c) => c.level)).toEqual([1, 3, 3]);
    expect(score.criteria[0]?.evidence).not.toContain('I would use a calibrated AUC of 0.93');
    expect(noteTexts(score)).toEqual([
      '2 checks answered yes with a quote not in the answer were counted as no',
    ]);
    expect(score.score).toBeCloseTo((1 + 3 + 3) / 3, 2);
  });

  it('accepts quotes that differ only in whitespace', async () => {
    stand.server.on(
      { schema: 'stage_score' },
      reply.json(checklist(GOOD, { 'offline-metrics': 'Offline  I would track\nNDCG@10' })),
    );
    const { scorer } = stand.judge();
    const score = await scorer.score(scoringInput('metrics', ANSWER));
    expect(score.criteria[0]?.level).toBe(3);
  });

  it('derives checks from the level descriptors for a criterion without written ones, and says when there is no reference', async () => {
    const { scorer } = stand.judge({ maxRetries: 0 });
    stand.server.on({ schema: 'stage_score' }, reply.serverError(500));
    await scorer.score(scoringInput('modeling', 'A two-tower model after a popularity baseline.'));
    const system = systemMessage(stand.server.requests[0]!);
    expect(system).toContain(
      '- `baseline.1` (level 2): Does the answer do at least what level 2 of the rubric describes:',
    );
    expect(system).toContain('(none for this stage: grade from the rubric and the key points)');
    const schema = stand.server.requests[0]!.body.response_format?.json_schema?.schema as {
      properties: { checks: { items: { properties: { id: { enum: string[] } } } } };
    };
    expect(schema.properties.checks.items.properties.id.enum).toContain('loss-training.3');
  });
});

describe('LLM judge: several samples', () => {
  it('takes the median per criterion and shows the spread as confidence', async () => {
    stand.inTurn(
      () =>
        reply.json(checklist({ 'offline-metrics': 1, 'online-metrics': 2, 'metric-tradeoffs': 3 })),
      () =>
        reply.json(checklist({ 'offline-metrics': 3, 'online-metrics': 4, 'metric-tradeoffs': 3 })),
      () =>
        reply.json(checklist({ 'offline-metrics': 2, 'online-metrics': 4, 'metric-tradeoffs': 1 })),
    );
    const { scorer } = stand.judge({ samples: 3 });
    const score = await scorer.score(scoringInput('metrics', ANSWER));
    expect(stand.server.requests).toHaveLength(3);
    expect(score.criteria.map((c) => c.level)).toEqual([2, 4, 3]);
    expect(score.confidence).toEqual({ samples: 3, spread: 2 });
    expect(noteTexts(score)).toEqual([
      '3 samples varied by up to 2 levels on a criterion (median taken)',
    ]);
    expect(score.usage?.requests).toBe(3);
  });

  it('says it in Chinese for a Chinese interview', async () => {
    stand.inTurn(
      () =>
        reply.json(
          checklist(
            { 'offline-metrics': 2, 'online-metrics': 2, 'metric-tradeoffs': 2 },
            ZH_QUOTES,
          ),
        ),
      () =>
        reply.json(
          checklist(
            { 'offline-metrics': 3, 'online-metrics': 2, 'metric-tradeoffs': 2 },
            ZH_QUOTES,
          ),
        ),
    );
    const { scorer } = stand.judge({ samples: 2 });
    const score = await scorer.score(scoringInput('metrics', ZH_ANSWER, { lang: 'zh' }));
    // The lower median of an even count: never generous.
    expect(score.criteria.map((c) => c.level)).toEqual([2, 2, 2]);
    expect(noteTexts(score, 'zh')).toEqual(['2 次评分在单项标准上最多相差 1 级（取中位数）']);
  });

  it('drops a malformed sample and combines the rest, saying so', async () => {
    stand.inTurn(
      () => reply.json(checklist(GOOD)),
      () => reply.text('{"checks": ['),
      () => reply.json(checklist({ ...GOOD, 'online-metrics': 3 })),
    );
    const { scorer, fallback } = stand.judge({ samples: 3, maxRetries: 0 });
    const score = await scorer.score(scoringInput('metrics', ANSWER));
    expect(fallback.calls).toBe(0);
    expect(score.scorer).toBe('llm');
    expect(score.criteria.map((c) => c.level)).toEqual([3, 3, 3]);
    expect(score.confidence).toEqual({ samples: 2, spread: 1 });
    expect(noteTexts(score)).toEqual([
      '1 of 3 samples was unusable and dropped (the reply was not valid JSON)',
      '2 samples varied by up to 1 level on a criterion (median taken)',
    ]);
  });

  it('falls back to the offline scorer, with a note, when every sample is malformed', async () => {
    stand.inTurn(
      () => reply.text('not json at all'),
      () => reply.json({ checks: [], criteria: [], missedKeyPoints: [], feedback: '' }),
    );
    const { scorer, fallback } = stand.judge({ samples: 3, maxRetries: 0 });
    const score = await scorer.score(scoringInput('metrics', ANSWER));
    expect(fallback.calls).toBe(1);
    expect(score.scorer).toBe('offline');
    expect(score.confidence).toBeUndefined();
    expect(noteTexts(score)).toEqual([
      'scored offline: the LLM scorer failed (the reply was not valid JSON)',
    ]);
    expect(score.usage?.requests).toBe(3);
  });

  it('sends no temperature to a reasoning model that rejects it, and still samples', async () => {
    stand.server.on({ schema: 'stage_score' }, reply.json(checklist(GOOD)));
    const { scorer } = stand.judge({ samples: 2, model: 'o4-mini' });
    const score = await scorer.score(scoringInput('metrics', ANSWER));
    expect(score.scorer).toBe('llm');
    expect(stand.server.requests).toHaveLength(2);
    expect(stand.server.requests.every((r) => r.body.temperature === undefined)).toBe(true);
  });
});
