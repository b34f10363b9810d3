/**
 * `self-assess`: the candidate's rating of a stage before the scorecard (or a skip of the
 * rest); `self-assess-setting on|off`: their own choice of being asked (off by default).
 */
import { candidateIndex } from '../candidate-index-read.ts';
import type { Services } from '../deps.ts';
import { replayText } from '../replay-wording.ts';
import { askNextRating, awaitingSelfAssessment, recordRating } from '../self-assessment.ts';
import type { EngineRequest, Outcome } from '../types.ts';
import type { SessionCommandHandler } from './handler.ts';

export const selfAssessHandler: SessionCommandHandler = {
  allowedIn: ['finished'],
  usesLlm: false,
  completesPending: false,
  validate(command) {
    if (command.kind !== 'self-assess' || command.level === undefined) return null;
    return [1, 2, 3, 4].includes(command.level) ? null : { code: 'not-a-command' };
  },
  async run(turn, command) {
    if (command.kind !== 'self-assess') return;
    const { session } = turn;
    // Already rated (or never asked): a late press just shows the scorecard.
    if (!awaitingSelfAssessment(session)) {
      if (session.scorecard) turn.replies.push({ kind: 'scorecard', scorecard: session.scorecard });
      return;
    }
    recordRating(turn, command.stage, command.level);
    await turn.save();
    if (session.selfAssessment?.done)
      turn.replies.push({ kind: 'scorecard', scorecard: session.scorecard! });
    else askNextRating(turn);
  },
};

export async function runSelfAssessSetting(
  services: Services,
  request: EngineRequest,
  on: boolean,
): Promise<Outcome> {
  const lang = request.lang ?? 'en';
  await candidateIndex(services, request.actor); // built from past sessions first, if missing
  await services.candidateIndex.update(request.actor, (current) => ({
    ...(current ?? { entries: [], stages: {} }),
    selfAssess: { on, changedAt: services.clock.now() },
  }));
  const text = on ? replayText(lang).selfAssessOn : replayText(lang).selfAssessOff;
  return {
    ok: true,
    sessionId: null,
    lang,
    replies: [{ kind: 'message', from: 'system', tone: 'info', text, actions: [] }],
  };
}
