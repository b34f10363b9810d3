/**
 * The interviewer audit: every persona plays whole interviews on every scenario (in English and
 * Chinese) through the real engine, and the checks in checks.ts are run on each transcript. The
 * result is the rate of interviews in which each behaviour failed, plus the share of mistakes
 * challenged when made. Used by `npm run cli -- audit-interviewer` and by the test suite.
 */
import { InterviewEngine } from '../../engine/engine.ts';
import type { Interviewer, StageScorer } from '../../engine/ports.ts';
import type { Lang, Reply, Scorecard } from '../../engine/types.ts';
import { type Knowledge, mistakesFor, stagePlan } from '../../knowledge/knowledge.ts';
import type { Scenario, StageId } from '../../knowledge/schema.ts';
import { createStore } from '../../store/index.ts';
import {
  CHECKS,
  type CheckId,
  type PlayedInterview,
  type PlayedStep,
  runChecks,
} from './checks.ts';
import { PERSONAS, type Persona, type Step } from './personas.ts';
import { type MistakeLine, MISTAKE_LINES } from './vocabulary.ts';

export interface AuditOptions {
  knowledge: Knowledge;
  interviewer: Interviewer;
  scorer: StageScorer;
  /** Limit the run (tests, quick looks). Default: all. */
  scenarios?: string[];
  personas?: string[];
  langs?: Lang[];
}

export interface AuditReport {
  interviews: number;
  interviewer: Interviewer['kind'];
  /** Share of interviews in which the behaviour failed at least once, per check. */
  rates: Record<CheckId, number>;
  /** Interviews failing each check. */
  failures: Record<CheckId, number>;
  mistakes: { made: number; challenged: number; rate: number };
  facts: { asked: number; answered: number };
  /** Up to three examples per failing check, for reading. */
  examples: Partial<Record<CheckId, string[]>>;
}

/** Where each mistake line is said: the stage a candidate would naturally say it in. */
const MISTAKE_STAGE: Record<string, StageId[]> = {
  'accuracy-on-imbalanced': ['metrics'],
  'random-split-temporal': ['data', 'modeling'],
  'label-leakage': ['features', 'data'],
  'training-serving-skew': ['features', 'serving'],
  'feedback-loop': ['updating', 'monitoring'],
  'selection-bias-past-decisions': ['data'],
  'cold-start-ignored': ['modeling', 'features'],
  'offline-metric-only': ['metrics', 'deployment'],
  'model-too-slow-for-budget': ['serving', 'modeling'],
  'downsampling-uncorrected': ['data', 'modeling'],
};

/** The mistakes that apply to the scenario, each in the first planned stage it fits. */
function mistakePlan(knowledge: Knowledge, scenario: Scenario): Map<StageId, MistakeLine[]> {
  const plan = stagePlan(scenario);
  const applies = new Set(mistakesFor(knowledge, scenario).map((m) => m.id));
  const byStage = new Map<StageId, MistakeLine[]>();
  for (const line of MISTAKE_LINES) {
    if (!applies.has(line.id)) continue;
    const stage = (MISTAKE_STAGE[line.id] ?? []).find((s) => plan.includes(s)) ?? plan.at(-1)!;
    byStage.set(stage, [...(byStage.get(stage) ?? []), line]);
  }
  return byStage;
}

/** Steps a persona that never moves on may take in one stage before the audit calls it stuck. */
const STUCK_AFTER = 30;
const MINUTE = 60_000;

function interviewerTexts(replies: readonly Reply[]): string[] {
  return replies.flatMap((r) =>
    r.kind === 'message' && r.from === 'interviewer'
      ? [r.text]
      : r.kind === 'stage-opened'
        ? [r.question]
        : [],
  );
}

async function play(
  options: AuditOptions,
  scenario: Scenario,
  persona: Persona,
  lang: Lang,
  runId: number,
): Promise<PlayedInterview> {
  let now = 1_700_000_000_000;
  // Kept forever: the audit's clock starts in 2023, and a finished interview past its retention
  // (measured on the real clock) would read as gone before its scorecard is looked at.
  const stores = await createStore({ memory: true, namespace: `audit-${runId}`, retentionDays: 0 });
  const engine = new InterviewEngine({
    knowledge: options.knowledge,
    store: stores.store,
    lock: stores.lock,
    interviewer: options.interviewer,
    scorer: options.scorer,
    clock: { now: () => now },
    newId: (() => {
      let n = 0;
      return () => `id-${runId}-${++n}`;
    })(),
  });
  const actor = `audit:${persona.id}:${lang}`;
  const sessionId = `audit-${runId}`;
  const steps: PlayedStep[] = [];
  const stuckStages: string[] = [];
  let scorecard: Scorecard | null = null;
  const run = async (command: Parameters<InterviewEngine['execute']>[0]['command']) => {
    now += MINUTE;
    const outcome = await engine.execute({ actor, sessionId, command, lang });
    if (!outcome.ok) return [];
    for (const r of outcome.replies) if (r.kind === 'scorecard') scorecard = r.scorecard;
    return outcome.replies;
  };
  try {
    await run({ kind: 'start', scenarioId: scenario.id, lang });
    const plan = stagePlan(scenario);
    const mistakes = persona.makesMistakes ? mistakePlan(options.knowledge, scenario) : new Map();
    for (let index = 0; index < plan.length; index++) {
      const stage = plan[index]!;
      const planned = persona.stage({
        scenario,
        stage,
        index,
        lang,
        mistakes: mistakes.get(stage) ?? [],
      });
      let taken = 0;
      const session = async () => (await stores.store.get(sessionId))!;
      while ((await session()).stageIndex === index && (await session()).status === 'active') {
        if (taken >= STUCK_AFTER) {
          stuckStages.push(stage);
          await run({ kind: 'next' });
          break;
        }
        const step: Step = planned[taken % planned.length]!;
        if (persona.closesStages && taken >= planned.length) {
          // A cooperative persona that ran out of steps without the stage closing: move on.
          await run({ kind: 'next' });
          break;
        }
        taken++;
        const replies = await run(
          step.kind === 'answer' ? { kind: 'answer', text: step.text } : { kind: step.kind },
        );
        steps.push({
          stage,
          kind: step.kind,
          ...(step.kind === 'answer'
            ? { text: step.text, asks: step.asks, mistake: step.mistake }
            : { asks: [] }),
          replies: interviewerTexts(replies).filter((t) => t !== undefined),
        } as PlayedStep);
      }
    }
    const session = (await stores.store.get(sessionId))!;
    return { scenario, persona: persona.id, lang, steps, session, scorecard, stuckStages };
  } finally {
    await stores.close();
  }
}

export async function runAudit(options: AuditOptions): Promise<AuditReport> {
  const scenarios = [...options.knowledge.scenarios.values()].filter(
    (s) => !options.scenarios || options.scenarios.includes(s.id),
  );
  const personas = PERSONAS.filter((p) => !options.personas || options.personas.includes(p.id));
  const langs = options.langs ?? ['en', 'zh'];
  const failures = Object.fromEntries(CHECKS.map((c) => [c, 0])) as Record<CheckId, number>;
  const examples: Partial<Record<CheckId, string[]>> = {};
  const mistakes = { made: 0, challenged: 0, rate: 1 };
  const facts = { asked: 0, answered: 0 };
  let interviews = 0;
  for (const scenario of scenarios) {
    for (const persona of personas) {
      for (const lang of persona.lang ? [persona.lang] : langs) {
        const played = await play(options, scenario, persona, lang, interviews);
        interviews++;
        const found = runChecks(played);
        for (const check of CHECKS) {
          if (found[check].length === 0) continue;
          failures[check]++;
          const list = examples[check] ?? [];
          examples[check] = list;
          if (list.length < 3)
            list.push(`${scenario.id}/${persona.id}/${lang}: ${found[check][0]}`);
        }
        const made = played.steps.filter((s) => s.mistake).length;
        mistakes.made += made;
        mistakes.challenged += made - found['mistake-let-pass'].length;
        const asked = played.steps.reduce((n, s) => n + s.asks.length, 0);
        facts.asked += asked;
        facts.answered += asked - found['asked-fact-unanswered'].length;
      }
    }
  }
  mistakes.rate = mistakes.made === 0 ? 1 : mistakes.challenged / mistakes.made;
  const rates = Object.fromEntries(
    CHECKS.map((c) => [c, interviews === 0 ? 0 : failures[c] / interviews]),
  ) as Record<CheckId, number>;
  return {
    interviews,
    interviewer: options.interviewer.kind,
    rates,
    failures,
    mistakes,
    facts,
    examples,
  };
}
