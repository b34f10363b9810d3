/** Shared set-up for the LLM tests: the mini knowledge base, a client on the fake server, stubs. */
import type {
  Interviewer,
  InterviewerContext,
  InterviewerMove,
  StageScorer,
  StageScoringInput,
} from '../../src/engine/ports.ts';
import type { Session, StageId, StageScore, Turn } from '../../src/engine/types.ts';
import { stageById, stagePlan } from '../../src/knowledge/knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { LlmClient, type LlmClientOptions } from '../../src/llm/client.ts';
import { RequestLimiter } from '../../src/llm/limiter.ts';
import type { FakeOpenAIServer } from '../fakes/openai-server.ts';

export const knowledge = await loadKnowledge('test/fixtures/knowledge-mini');
export const scenario = knowledge.scenarios.get('mini-recsys')!;

export function makeClient(
  server: FakeOpenAIServer,
  overrides: Partial<LlmClientOptions> = {},
): { client: LlmClient; limiter: RequestLimiter; waits: number[] } {
  const waits: number[] = [];
  const limiter = new RequestLimiter({
    requestsPerWindow: 10_000,
    tokensPerWindow: 10_000_000,
    windowMs: 60_000,
    maxConcurrent: 4,
  });
  const client = new LlmClient({
    apiKey: 'test-key',
    baseURL: server.url,
    model: 'test-model',
    timeoutMs: 2_000,
    maxRetries: 1,
    maxRetryAfterMs: 2_000,
    limiter,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...overrides,
  });
  return { client, limiter, waits };
}

let turnCounter = 0;
export function turn(stage: StageId, role: Turn['role'], text: string, kind?: Turn['kind']): Turn {
  turnCounter += 1;
  return {
    id: `t${turnCounter}`,
    at: 1_700_000_000_000 + turnCounter,
    stage,
    role,
    kind: kind ?? (role === 'candidate' ? 'answer' : 'stage-open'),
    text,
  };
}

export function scoringInput(
  stageId: StageId,
  answer: string,
  options: { lang?: 'en' | 'zh'; turns?: Turn[] } = {},
): StageScoringInput {
  const lang = options.lang ?? 'en';
  const stage = stageById(knowledge.framework, stageId);
  return {
    framework: knowledge.framework,
    scenario,
    stage,
    lang,
    answer,
    turns: options.turns ?? [
      turn(stageId, 'interviewer', stage.question[lang]),
      turn(stageId, 'candidate', answer),
    ],
    candidateId: 'terminal:test',
    sessionId: 's1',
  };
}

/** A stand-in for the offline scorer: a recognisable, honest result. */
export class StubOfflineScorer implements StageScorer {
  readonly kind = 'offline' as const;
  calls = 0;
  async score(input: StageScoringInput): Promise<StageScore> {
    this.calls += 1;
    return {
      stage: input.stage.id,
      scorer: 'offline',
      score: 2,
      level: 2,
      criteria: input.stage.criteria.map((c) => ({
        id: c.id,
        level: 2,
        evidence: [],
        feedback: 'offline',
      })),
      feedback: 'offline feedback',
      missedKeyPoints: [],
      notes: [],
    };
  }
}

/** A stand-in for the offline interviewer. */
export class StubOfflineInterviewer implements Interviewer {
  readonly kind = 'offline' as const;
  calls: string[] = [];
  async respond(_context: InterviewerContext): Promise<InterviewerMove> {
    this.calls.push('respond');
    return { move: 'acknowledge', message: 'Offline: go on.', revealedFacts: [] };
  }
  async followup(_context: InterviewerContext): Promise<InterviewerMove> {
    this.calls.push('followup');
    return {
      move: 'followup',
      message: 'Offline follow-up?',
      revealedFacts: [],
      followupKey: 'topic:x',
    };
  }
  async hint(_context: InterviewerContext, level: number): Promise<InterviewerMove> {
    this.calls.push(`hint:${level}`);
    return { move: 'hint', message: `Offline hint ${level}.`, revealedFacts: [] };
  }
}

/** A session at `stageId` with `turns` (for interviewer contexts). */
export function sessionAt(stageId: StageId, turns: Turn[], lang: 'en' | 'zh' = 'en'): Session {
  const plan = stagePlan(scenario);
  return {
    id: 's1',
    version: 1,
    candidateId: 'terminal:test',
    scenarioId: scenario.id,
    mode: 'interview',
    lang,
    difficulty: 'medium',
    plan,
    stageIndex: plan.indexOf(stageId),
    status: 'active',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    turns,
    stages: plan.map((stage) => ({
      stage,
      hintsUsed: 0,
      followupsAsked: [],
      revealedFacts: [],
      nudged: false,
    })),
    usage: { requests: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0 },
  };
}

export function interviewerContext(
  stageId: StageId,
  turns: Turn[],
  options: { lang?: 'en' | 'zh'; probesLeft?: number; session?: Session } = {},
): InterviewerContext {
  const lang = options.lang ?? 'en';
  const session = options.session ?? sessionAt(stageId, turns, lang);
  return {
    framework: knowledge.framework,
    scenario,
    stage: stageById(knowledge.framework, stageId),
    lang,
    session,
    stageTurns: turns.filter((t) => t.stage === stageId),
    probesLeft: options.probesLeft,
  };
}
