/**
 * The LLM interviewer's request. The system message (instructions, then the scenario, the stage
 * and the scenario's facts) is the same for every turn of a stage, so providers can cache it;
 * the user message carries the stage's turns, which facts are already revealed, and the task.
 */
import { reviewNotes } from './review-notes.ts';
import { z } from 'zod';
import { factsAskedIn } from '../clarify.ts';
import { latestCandidateMessage } from '../probes.ts';
import type { InterviewerContext, InterviewerMoveKind } from '../../engine/ports.ts';
import type { Turn } from '../../engine/types.ts';
import type { ChatMessage } from '../../llm/client.ts';
import { LANGUAGE_NAMES, type PromptTemplate, render } from '../../llm/prompts.ts';
import { delimit } from '../../llm/untrusted.ts';

/** How many of the stage's latest turns the interviewer sees (the engine caps their text). */
const MAX_TURNS = 24;

export function moveSchema(
  moves: readonly InterviewerMoveKind[],
  followupKeys?: readonly string[],
) {
  const base = {
    move: z.enum(moves as [InterviewerMoveKind, ...InterviewerMoveKind[]]),
    message: z.string(),
    revealedFacts: z.array(z.string()),
  };
  return followupKeys && followupKeys.length > 0
    ? z.strictObject({ ...base, followupKey: z.enum(followupKeys as [string, ...string[]]) })
    : z.strictObject(base);
}

export type MoveOutput = z.infer<ReturnType<typeof moveSchema>> & { followupKey?: string };

export function interviewerSystemMessage(
  template: PromptTemplate,
  context: InterviewerContext,
): string {
  const { scenario, stage, lang, session } = context;
  // The model never sees the answer key (it cannot recite what it does not have): only the
  // stage's areas. Facts: those already revealed and those the newest message asks for.
  const keyPoints = stage.criteria.map((c) => `- ${c.name[lang]}`).join('\n');
  const visible = new Set([
    ...revealedSoFar(context),
    ...factsAskedIn(latestCandidateMessage(context), scenario.facts).facts.map((f) => f.id),
  ]);
  const facts =
    scenario.facts
      .filter((f) => visible.has(f.id))
      .map((f) => `- [${f.id}] (${f.topic}) ${f.answer[lang]}`)
      .join('\n') || '- (none asked for yet: say the scenario does not specify it)';
  const scenarioPart = render(template, 'scenario', {
    language: LANGUAGE_NAMES[lang],
    scenarioTitle: scenario.title[lang],
    scenarioSummary: scenario.summary[lang],
    scenarioPrompt: scenario.prompt[lang],
    stageNumber: String(session.plan.indexOf(stage.id) + 1),
    stageCount: String(session.plan.length),
    stageTitle: stage.title[lang],
    stageQuestion: stage.question[lang],
    stageCovers: stage.covers[lang].join('; '),
    keyPoints: keyPoints || '- (none listed)',
    facts,
  });
  return `${render(template, 'instructions')}\n\n${scenarioPart}`;
}

export async function interviewerUserMessage(
  context: InterviewerContext,
  task: string,
): Promise<string> {
  const turns = context.stageTurns.slice(-MAX_TURNS).map(renderTurn);
  const revealed = revealedSoFar(context);
  return [
    '<transcript>',
    ...(turns.length > 0 ? turns : ['(no turns yet in this stage)']),
    '</transcript>',
    '',
    `Facts already revealed in this interview: ${revealed.length > 0 ? revealed.join(', ') : 'none'}.`,
    '',
    ...askedBefore(context),
    ...(await reviewNotes(context)),
    task,
  ].join('\n');
}

function renderTurn(turn: Turn): string {
  return delimit(turn.role === 'candidate' ? 'candidate' : 'interviewer', turn.text);
}

export function revealedSoFar(context: InterviewerContext): string[] {
  return [...new Set(context.session.stages.flatMap((s) => s.revealedFacts))];
}

export async function interviewerMessages(
  template: PromptTemplate,
  context: InterviewerContext,
  task: string,
): Promise<ChatMessage[]> {
  return [
    { role: 'system', content: interviewerSystemMessage(template, context) },
    { role: 'user', content: await interviewerUserMessage(context, task) },
  ];
}

/** The questions already put to the candidate in the whole interview, so none is asked again. */
function askedBefore(context: InterviewerContext): string[] {
  const asked = context.session.turns
    .filter((t) => t.role === 'interviewer' && (t.kind === 'probe' || t.kind === 'followup'))
    .map((t) => `- ${t.text}`);
  return asked.length > 0
    ? ['Questions already asked in this interview (never ask them again):', ...asked, '']
    : [];
}
