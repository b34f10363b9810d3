/**
 * `chat --drill [--stage ID]` and `chat --practice`: the engine plans the drill (stage and
 * scenario), then it starts like any terminal interview.
 */
import type { InterviewEngine } from '../../engine/engine.ts';
import { describeError } from '../../engine/messages.ts';
import type { CandidateId, Command, Lang } from '../../engine/types.ts';

export type DrillRequest = { kind: 'drill'; stage?: string } | { kind: 'practice' };

export async function drillStart(
  engine: InterviewEngine,
  actor: CandidateId,
  request: DrillRequest,
  lang: Lang,
): Promise<{ ok: true; start: Extract<Command, { kind: 'start' }> } | { ok: false; text: string }> {
  const plan = await engine.planDrill(actor, {
    lang,
    ...(request.kind === 'practice' ? { due: true } : { stage: request.stage }),
  });
  if (!plan.ok) return { ok: false, text: describeError(plan.error, plan.lang) };
  return {
    ok: true,
    start: {
      kind: 'start',
      scenarioId: plan.scenarioId,
      lang,
      drill: { stage: plan.stage, why: plan.why },
    },
  };
}
