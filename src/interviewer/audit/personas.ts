/**
 * Simulated candidates for the interviewer audit. Each persona plans what it does in one stage:
 * messages (with the facts its questions target and the mistake a line makes, so the checks
 * know what to expect) and commands. The runner plays the plan through the real engine.
 */
import type { Lang } from '../../engine/types.ts';
import type { Scenario, StageId } from '../../knowledge/schema.ts';
import {
  factQuestions,
  GIBBERISH,
  type MistakeLine,
  OFF_TOPIC,
  RUBRIC_PROBES,
  UNANSWERABLE,
  VAGUE,
} from './vocabulary.ts';

export type Step =
  | {
      kind: 'answer';
      text: string;
      /** Facts the message's questions target. */
      asks: string[];
      /** The catalogue mistake the message makes. */
      mistake?: string;
    }
  | { kind: 'followup' }
  | { kind: 'hint' }
  | { kind: 'next' };

export interface StagePlanInput {
  scenario: Scenario;
  stage: StageId;
  /** Position in the interview's plan. */
  index: number;
  lang: Lang;
  /** Mistake lines this persona makes in this stage. */
  mistakes: MistakeLine[];
}

export interface Persona {
  id: string;
  /** The persona always runs in this language (else in both). */
  lang?: Lang;
  /** Whether it makes the catalogue's mistakes (the weak and the Chinese candidate do). */
  makesMistakes?: boolean;
  /** Whether it ever closes a stage itself; if not, the pacing rule must. */
  closesStages: boolean;
  stage(input: StagePlanInput): Step[];
}

const say = (text: string, asks: string[] = [], mistake?: string): Step =>
  mistake ? { kind: 'answer', text, asks, mistake } : { kind: 'answer', text, asks };

function keyPointText(input: StagePlanInput): string {
  const points = input.scenario.keyPoints[input.stage] ?? [];
  return points.map((p) => p.text[input.lang]).join(input.lang === 'zh' ? '' : ' ');
}

function mistakeSteps(input: StagePlanInput): Step[] {
  return input.mistakes.map((m) => say(m[input.lang], [], m.id));
}

/** A heading followed by a statement: must not be answered as a question. */
function headingStatement(lang: Lang): Step {
  return say(
    lang === 'zh'
      ? '至于如何处理延迟和规模：我假设流量很大，后面会用缓存来扛。'
      : 'How often to retrain: daily, and the tables are refreshed with it.',
  );
}

export const PERSONAS: Persona[] = [
  {
    id: 'strong',
    closesStages: true,
    stage: (input) => {
      const questions =
        input.index === 0 ? factQuestions(input.scenario.facts, input.lang).slice(0, 3) : [];
      return [
        ...questions.map((q) => say(q.text, [q.factId])),
        say(keyPointText(input)),
        { kind: 'next' },
      ];
    },
  },
  {
    id: 'weak',
    makesMistakes: true,
    closesStages: true,
    stage: (input) => [
      say(VAGUE[input.lang][input.index % 3]!),
      ...mistakeSteps(input),
      { kind: 'followup' },
      say(VAGUE[input.lang][(input.index + 1) % 3]!),
      { kind: 'followup' },
      { kind: 'next' },
    ],
  },
  {
    id: 'terse',
    closesStages: true,
    stage: (input) => {
      const points = input.scenario.keyPoints[input.stage] ?? [];
      const terms = points.map((p) => p.signals[input.lang][0] ?? p.signals.en[0]!);
      return [
        ...(input.index === 0 ? [headingStatement(input.lang)] : []),
        say(`${terms.join(input.lang === 'zh' ? '，' : ', ')}.`),
        { kind: 'followup' },
        { kind: 'next' },
      ];
    },
  },
  { id: 'silent', closesStages: true, stage: () => [say(''), say('   '), { kind: 'next' }] },
  {
    id: 'gibberish',
    closesStages: false,
    stage: (input) =>
      GIBBERISH.map((g, i) => say(GIBBERISH[(i + input.index) % GIBBERISH.length] ?? g)),
  },
  {
    id: 'repeats',
    closesStages: false,
    stage: (input) => Array.from({ length: 4 }, () => say(VAGUE[input.lang][0]!)),
  },
  {
    id: 'off-topic',
    closesStages: false,
    stage: (input) => OFF_TOPIC[input.lang].map((line) => say(line)),
  },
  {
    id: 'many-questions',
    closesStages: true,
    stage: (input) => {
      if (input.index !== 0) {
        return [say(`${VAGUE[input.lang][1]} ${UNANSWERABLE[input.lang][1]}`), { kind: 'next' }];
      }
      const questions = factQuestions(input.scenario.facts, input.lang);
      const joiner = input.lang === 'zh' ? '' : ' ';
      const text = [...questions.map((q) => q.text), UNANSWERABLE[input.lang][0]].join(joiner);
      return [
        say(
          text,
          questions.map((q) => q.factId),
        ),
        { kind: 'next' },
      ];
    },
  },
  {
    id: 'rubric-seeker',
    closesStages: true,
    stage: (input) => [
      ...RUBRIC_PROBES[input.lang].map((line) => say(line)),
      { kind: 'hint' },
      { kind: 'followup' },
      { kind: 'next' },
    ],
  },
  {
    id: 'chinese',
    lang: 'zh',
    makesMistakes: true,
    closesStages: true,
    stage: (input) => {
      const questions =
        input.index === 0 ? factQuestions(input.scenario.facts, 'zh').slice(0, 4) : [];
      return [
        ...questions.map((q) => say(q.text, [q.factId])),
        ...(input.index === 1 ? [headingStatement('zh')] : []),
        say(VAGUE.zh[input.index % 3]!),
        ...mistakeSteps(input),
        { kind: 'followup' },
        { kind: 'next' },
      ];
    },
  },
];
