import { beforeAll, describe, expect, it } from 'vitest';
import type { InterviewerContext } from '../../src/engine/ports.ts';
import type { Lang, Session, StageId, Turn } from '../../src/engine/types.ts';
import { type Knowledge, stageById } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { OfflineInterviewer } from '../../src/interviewer/rule-based-interviewer.ts';
import { matchFacts } from '../../src/interviewer/fact-match.ts';
import { findQuestions } from '../../src/interviewer/questions.ts';
import { MINI_KNOWLEDGE_DIR } from '../engine/fakes.ts';

let knowledge: Knowledge;
beforeAll(async () => {
  knowledge = await loadKnowledge(MINI_KNOWLEDGE_DIR);
});

interface Options {
  stage?: StageId;
  lang?: Lang;
  followupsAsked?: string[];
  revealedFacts?: string[];
  probesLeft?: number;
  scenarioId?: string;
}

/** A context whose stage holds the candidate's `messages` (the last is the newest). */
function context(messages: string[], options: Options = {}): InterviewerContext {
  const scenario = knowledge.scenarios.get(options.scenarioId ?? 'mini-recsys')!;
  const stageId = options.stage ?? 'requirements';
  const plan = scenario.stages!;
  const turns: Turn[] = messages.map((text, i) => ({
    id: `t${i}`,
    at: i,
    stage: stageId,
    role: 'candidate',
    kind: 'answer',
    text,
  }));
  const session: Session = {
    id: 's',
    version: 1,
    candidateId: 'terminal:ana',
    scenarioId: scenario.id,
    mode: 'interview',
    lang: options.lang ?? 'en',
    difficulty: 'medium',
    plan,
    stageIndex: plan.indexOf(stageId),
    status: 'active',
    createdAt: 0,
    updatedAt: 0,
    turns,
    stages: plan.map((stage) => ({
      stage,
      hintsUsed: 0,
      followupsAsked: stage === stageId ? (options.followupsAsked ?? []) : [],
      revealedFacts: stage === stageId ? (options.revealedFacts ?? []) : [],
      nudged: false,
    })),
    usage: { requests: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0 },
  };
  const result: InterviewerContext = {
    framework: knowledge.framework,
    scenario,
    stage: stageById(knowledge.framework, stageId),
    lang: options.lang ?? 'en',
    session,
    stageTurns: turns,
  };
  if (options.probesLeft !== undefined) result.probesLeft = options.probesLeft;
  return result;
}

const interviewer = new OfflineInterviewer();

describe('question detection', () => {
  it('finds asking sentences in English and Chinese', () => {
    const texts = (message: string) => findQuestions(message).map((q) => q.text);
    expect(texts('We need scale. How many users are there? Fine.')).toEqual([
      'How many users are there?',
    ]);
    expect(texts("I'd like to know the latency budget.")).toHaveLength(1);
    expect(texts('日活有多少')).toEqual(['日活有多少']);
    expect(texts('We optimize watch time.')).toEqual([]);
  });

  it('matches facts by their asks signals only', () => {
    const facts = knowledge.scenarios.get('mini-recsys')!.facts;
    const asked = (question: string) =>
      matchFacts(findQuestions(question), facts).facts.map((f) => f.id);
    expect(asked('What is the p99 latency?')).toEqual(['latency-budget']);
    expect(asked('What colour is the logo?')).toEqual([]);
  });
});

describe('OfflineInterviewer.respond', () => {
  it('answers a clarifying question from the scenario facts and says which it revealed', async () => {
    const move = await interviewer.respond(
      context(['How many users do we have, and what latency?']),
    );
    expect(move).toEqual({
      move: 'clarify',
      message:
        'Good question. About 10 million daily active users. The page must render within 200 ms at p99.',
      revealedFacts: ['daily-users', 'latency-budget'],
    });
  });

  it('answers in Chinese', async () => {
    const move = await interviewer.respond(context(['视频库有多少视频？'], { lang: 'zh' }));
    expect(move.message).toBe('好问题。大约有五百万个视频。');
  });

  it('a question about something the scenario does not specify: make an assumption', async () => {
    const move = await interviewer.respond(context(['What programming language should I use?']));
    expect(move).toEqual({
      move: 'clarify',
      message:
        "The scenario doesn't say. Assume what you think is reasonable, state it, and carry on.",
      revealedFacts: [],
    });
  });

  it('a repeated question is answered again, as already said', async () => {
    const move = await interviewer.respond(
      context(['How many users?'], { revealedFacts: ['daily-users'] }),
    );
    expect(move.message).toBe('As I mentioned: About 10 million daily active users.');
  });

  it('does not reveal facts the candidate only states', async () => {
    const move = await interviewer.respond(
      context(['We have lots of users and the latency is tight.']),
    );
    expect(move.revealedFacts).toEqual([]);
    expect(move.move).not.toBe('clarify');
  });

  it('a long answer with a rhetorical question is treated as an answer', async () => {
    const answer = `${'We optimize watch time for the objective because clicks invite clickbait. '.repeat(5)}Why? Because it matters.`;
    const move = await interviewer.respond(context([answer]));
    expect(move.move).not.toBe('clarify');
  });

  it('probes an area the candidate has not covered, never naming the expected answer', async () => {
    const move = await interviewer.respond(context(['The objective is watch time.']));
    expect(move.move).toBe('probe');
    expect(move.followupKey).toMatch(/^area:requirements:/);
    expect(move.message).toMatch(/^Okay, noted\. I'd like to hear more about /);
    for (const term of ['scale', 'latency', 'qps']) expect(move.message).not.toContain(term);
  });

  it('a metrics probe names neither the offline nor the online answer', async () => {
    const move = await interviewer.respond(
      context(['We use NDCG offline and watch the time spent.'], { stage: 'metrics' }),
    );
    expect(move.move).toBe('probe');
    for (const term of ['ctr', 'CTR', 'retention', 'watch time per user', 'recall@k', 'auc']) {
      expect(move.message).not.toContain(term);
    }
  });

  it('never probes the same area twice', async () => {
    const first = await interviewer.respond(context(['The objective is watch time.']));
    const second = await interviewer.respond(
      context(['The objective is watch time.'], { followupsAsked: [first.followupKey!] }),
    );
    expect(second.followupKey).not.toBe(first.followupKey);
    expect(second.message).not.toBe(first.message);
  });

  it('only acknowledges when no probe is allowed (difficulty or time)', async () => {
    const move = await interviewer.respond(
      context(['The objective is watch time.'], { probesLeft: 0 }),
    );
    expect(move).toEqual({
      move: 'acknowledge',
      message: 'Okay, noted. Anything else on clarifying requirements, or shall we move on?',
      revealedFacts: [],
    });
  });

  it('acknowledges when every area was probed', async () => {
    const areas = knowledge.framework.stages[0]!.criteria.map((c) => `area:requirements:${c.id}`);
    const move = await interviewer.respond(
      context(['Objective: watch time. Scale and latency matter.'], { followupsAsked: areas }),
    );
    expect(move.move).toBe('acknowledge');
  });

  it('varies the acknowledgement as the stage goes on, in the interview language', async () => {
    const move = await interviewer.respond(
      context(['目标是观看时长。', '规模和延迟也重要。'], { lang: 'zh', probesLeft: 0 }),
    );
    expect(move.message).toBe('明白。「明确需求」这部分还想再补充点什么吗？不然我们继续往下。');
  });
});

describe('OfflineInterviewer.followup', () => {
  it('scenario follow-ups for the stage first, then uncovered topics, then stage follow-ups', async () => {
    const asked: string[] = [];
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const move = await interviewer.followup(
        context(['Something.'], { stage: 'modeling', followupsAsked: asked }),
      );
      if (!move.followupKey) {
        seen.push(move.message);
        break;
      }
      asked.push(move.followupKey);
      seen.push(move.message);
    }
    // The data/model parallelism topic names an answer ("model parallelism") the candidate never
    // said, so it is skipped.
    expect(asked).toEqual([
      'scenario:0',
      'topic:many-languages',
      'topic:automl',
      'stage:modeling:0',
      'stage:modeling:1',
    ]);
    expect(seen[0]).toBe('How would you handle brand-new videos with no views?');
  });

  it('skips topics the candidate already covered', async () => {
    const move = await interviewer.followup(
      context(['We use data parallel training.'], {
        stage: 'modeling',
        followupsAsked: ['scenario:0'],
      }),
    );
    expect(move.followupKey).toBe('topic:many-languages');
  });

  it('says so when there is nothing left to ask', async () => {
    const move = await interviewer.followup(
      context(['x'], {
        stage: 'requirements',
        followupsAsked: [
          'scenario:2',
          'stage:requirements:0',
          'stage:requirements:1',
          ...knowledge.framework.stages[0]!.criteria.map((c) => `area:requirements:${c.id}`),
        ],
      }),
    );
    expect(move).toEqual({
      move: 'acknowledge',
      message: "I don't have more follow-ups here. Add anything you like, or let's move on.",
      revealedFacts: [],
    });
  });
});

describe('OfflineInterviewer.hint', () => {
  it('returns the stage hints in order, in the interview language', async () => {
    const ctx = context([], { stage: 'metrics', lang: 'zh' });
    const hints = await Promise.all([0, 1, 2].map((level) => interviewer.hint(ctx, level)));
    expect(hints.map((h) => h.message)).toEqual([
      '评估指标提示一：想想目标。',
      '评估指标提示二：想想约束。',
      '评估指标提示三：说出一个具体方法。',
    ]);
    expect(hints.every((h) => h.move === 'hint')).toBe(true);
  });
});
