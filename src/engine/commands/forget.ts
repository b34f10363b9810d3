/**
 * `forget` (`/forget-me`): delete everything kept about the actor — every interview with its
 * turns, the history index and the places pointing at them, the practice schedule and reminders — but only when confirmed: the
 * first call says what would go and deletes nothing; the platform adds how to confirm there.
 * Token and turn counters are not deleted: they hold no content, expire within a day, and
 * deleting them would let anyone reset their budget.
 */
import type { Services } from '../deps.ts';
import { forgetWording } from '../forget-wording.ts';
import type { Command, EngineRequest, Outcome } from '../types.ts';

/** Up to this many interviews are counted in the warning (the deletion has no limit). */
const COUNT_LIMIT = 10_000;

export async function runForget(
  services: Services,
  request: EngineRequest,
  command: Extract<Command, { kind: 'forget' }>,
): Promise<Outcome> {
  const lang = request.lang ?? 'en';
  const words = forgetWording(lang);
  if (!command.confirm) {
    const sessions = (await services.store.listByCandidate(request.actor, COUNT_LIMIT)).length;
    return {
      ok: true,
      sessionId: null,
      lang,
      replies: [{ kind: 'forget', step: 'confirm', sessions, text: words.confirm(sessions) }],
    };
  }
  const sessions = await services.store.forgetCandidate(request.actor);
  // The practice index (history, review schedule, reminders) goes too.
  await services.candidateIndex.forget(request.actor);
  services.logger.info({ actor: request.actor, sessions }, 'candidate data deleted on request');
  return {
    ok: true,
    sessionId: null,
    lang,
    replies: [{ kind: 'forget', step: 'done', sessions, text: words.done(sessions) }],
  };
}
