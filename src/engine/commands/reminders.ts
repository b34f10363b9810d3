/** `reminders on|off`: the candidate's own choice of practice reminders (off by default). */
import type { Services } from '../deps.ts';
import { practiceText } from '../practice-messages.ts';
import type { EngineRequest, Outcome } from '../types.ts';
import { candidateIndex } from '../candidate-index-read.ts';

export async function runReminders(
  services: Services,
  request: EngineRequest,
  on: boolean,
): Promise<Outcome> {
  const lang = request.lang ?? 'en';
  await candidateIndex(services, request.actor); // built from past sessions first, if missing
  await services.candidateIndex.update(request.actor, (current) => ({
    ...(current ?? { entries: [], stages: {} }),
    reminders: { on, changedAt: services.clock.now(), lang },
  }));
  const text = on ? practiceText(lang).remindersOn : practiceText(lang).remindersOff;
  return {
    ok: true,
    sessionId: null,
    lang,
    replies: [{ kind: 'message', from: 'system', tone: 'info', text, actions: [] }],
  };
}
