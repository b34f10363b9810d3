/**
 * The judge's request: the JSON schema for one stage's checklist, and the messages. The system
 * message (instructions, the stage's rubric with its checks, the scenario's key points and the
 * reference level-4 answer) is the same for every answer to this stage of this scenario in this
 * language, so providers can cache it; the user message carries only this stage's turns.
 */
import { z } from 'zod';
import type { StageScoringInput } from '../../engine/ports.ts';
import type { Turn } from '../../engine/types.ts';
import type { Stage } from '../../knowledge/schema.ts';
import { checksFor, type JudgeCheck } from './checklist.ts';
import type { ChatMessage } from '../../llm/client.ts';
import { LANGUAGE_NAMES, type PromptTemplate, render } from '../../llm/prompts.ts';
import { delimit } from '../../llm/untrusted.ts';

/** Every check of the stage, in rubric order. */
export function stageChecks(stage: Stage): JudgeCheck[] {
  return stage.criteria.flatMap(checksFor);
}

/**
 * Per check: the quote first, then the verdict, so the model commits to evidence before it
 * says yes. Per criterion: only feedback (its level is computed from the checks).
 */
export function stageScoreSchema(criterionIds: readonly string[], checkIds: readonly string[]) {
  return z.strictObject({
    checks: z.array(
      z.strictObject({
        id: z.enum(checkIds as [string, ...string[]]),
        quote: z.string(),
        answer: z.enum(['yes', 'no']),
      }),
    ),
    criteria: z.array(
      z.strictObject({
        id: z.enum(criterionIds as [string, ...string[]]),
        feedback: z.string(),
      }),
    ),
    missedKeyPoints: z.array(z.number().int()),
    feedback: z.string(),
  });
}

export type StageScoreOutput = z.infer<ReturnType<typeof stageScoreSchema>>;

function rubricText(input: StageScoringInput): string {
  const { lang } = input;
  return input.stage.criteria
    .map((c) =>
      [
        `### \`${c.id}\`: ${c.name[lang]}`,
        c.description[lang],
        ...(['1', '2', '3', '4'] as const).map((l) => `- Level ${l}: ${c.levels[l][lang]}`),
        'Checks:',
        ...checksFor(c).map((check) => `- \`${check.id}\` (level ${check.level}): ${check[lang]}`),
      ].join('\n'),
    )
    .join('\n\n');
}

export function scorerSystemMessage(template: PromptTemplate, input: StageScoringInput): string {
  const { stage, scenario, lang } = input;
  const keyPoints = (scenario.keyPoints[stage.id] ?? [])
    .map((k, i) => `${i + 1}. ${k.text[lang]}`)
    .join('\n');
  const reference = scenario.referenceAnswers?.[stage.id]?.[lang];
  const rubric = render(template, 'rubric', {
    stageTitle: stage.title[lang],
    stageId: stage.id,
    stageQuestion: stage.question[lang],
    stageCovers: stage.covers[lang].join('; '),
    criteria: rubricText(input),
    scenarioTitle: scenario.title[lang],
    scenarioSummary: scenario.summary[lang],
    keyPoints: keyPoints || '(none listed)',
    reference: reference
      ? `<reference_answer>\n${reference}\n</reference_answer>`
      : '(none for this stage: grade from the rubric and the key points)',
    language: LANGUAGE_NAMES[lang],
  });
  return `${render(template, 'instructions')}\n\n${rubric}`;
}

/**
 * The stage's turns, candidate turns inside `<candidate_answer>`. When the turns do not hold the
 * answer as given (the CLI scores a bare answer; the engine may cap long answers), the
 * interviewer's turns come first as context and the answer follows in one block.
 */
export function scorerUserMessage(template: PromptTemplate, input: StageScoringInput): string {
  const candidateTurns = input.turns.filter((t) => t.role === 'candidate');
  const turnsHoldAnswer =
    candidateTurns.length > 0 && candidateTurns.map((t) => t.text).join('\n\n') === input.answer;
  const blocks = turnsHoldAnswer
    ? input.turns.map(renderTurn)
    : [
        ...input.turns.filter((t) => t.role === 'interviewer').map(renderTurn),
        delimit('candidate_answer', input.answer),
      ];
  return `${blocks.join('\n')}\n\n${render(template, 'task')}`;
}

function renderTurn(turn: Turn): string {
  return turn.role === 'candidate'
    ? delimit('candidate_answer', turn.text)
    : delimit('interviewer', turn.text);
}

export function scorerMessages(template: PromptTemplate, input: StageScoringInput): ChatMessage[] {
  return [
    { role: 'system', content: scorerSystemMessage(template, input) },
    { role: 'user', content: scorerUserMessage(template, input) },
  ];
}
