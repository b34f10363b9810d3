/**
 * The rubric scorer's request: the JSON schema for one stage, and the messages. The system
 * message (instructions, then the stage's rubric and the scenario's key points) is the same for
 * every answer to this stage of this scenario in this language, so providers can cache it; the
 * user message carries only this stage's turns.
 */
import { z } from 'zod';
import type { StageScoringInput } from '../engine/ports.ts';
import type { Turn } from '../engine/types.ts';
import type { ChatMessage } from './client.ts';
import { LANGUAGE_NAMES, type PromptTemplate, render } from './prompts.ts';
import { delimit } from './untrusted.ts';

export function stageScoreSchema(criterionIds: readonly string[]) {
  return z.strictObject({
    criteria: z.array(
      z.strictObject({
        id: z.enum(criterionIds as [string, ...string[]]),
        evidence: z.array(z.string()),
        reasoning: z.string(),
        level: z.number().int().min(1).max(4),
        feedback: z.string(),
      }),
    ),
    missedKeyPoints: z.array(z.number().int()),
    feedback: z.string(),
  });
}

export type StageScoreOutput = z.infer<ReturnType<typeof stageScoreSchema>>;

export function scorerSystemMessage(template: PromptTemplate, input: StageScoringInput): string {
  const { stage, scenario, lang } = input;
  const criteria = stage.criteria
    .map((c) =>
      [
        `### \`${c.id}\`: ${c.name[lang]}`,
        c.description[lang],
        ...(['1', '2', '3', '4'] as const).map((l) => `- Level ${l}: ${c.levels[l][lang]}`),
      ].join('\n'),
    )
    .join('\n\n');
  const keyPoints = (scenario.keyPoints[stage.id] ?? [])
    .map((k, i) => `${i + 1}. ${k.text[lang]}`)
    .join('\n');
  const rubric = render(template, 'rubric', {
    stageTitle: stage.title[lang],
    stageId: stage.id,
    stageQuestion: stage.question[lang],
    stageCovers: stage.covers[lang].join('; '),
    criteria,
    scenarioTitle: scenario.title[lang],
    scenarioSummary: scenario.summary[lang],
    keyPoints: keyPoints || '(none listed)',
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
