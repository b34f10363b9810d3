/**
 * Practice reminders: for each candidate who turned them on and has a stage due for review,
 * one reminder per due state, claimed with the store's `claimOnce`, so several processes
 * sweeping at once (or a process restarted mid-sweep) send it once. Which candidates have
 * reminders on and what is due is read from the candidate index (one record each).
 */
import type { Services } from './deps.ts';
import { practiceText } from './practice-messages.ts';
import type { CandidateId, StageId } from './types.ts';

/** How long a sent reminder is remembered (a due state older than this is long gone). */
export const REMINDER_CLAIM_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface DueReminder {
  candidateId: CandidateId;
  text: string;
}

/**
 * The reminders to send now for the candidates `handles` accepts (the platform of the
 * process), each already claimed: the caller sends every one it gets.
 */
export async function claimDueReminders(
  services: Services,
  handles: (candidateId: CandidateId) => boolean,
): Promise<DueReminder[]> {
  const now = services.clock.now();
  const due: DueReminder[] = [];
  for (const candidateId of await services.candidateIndex.withReminders()) {
    if (!handles(candidateId)) continue;
    const index = await services.candidateIndex.read(candidateId);
    if (!index?.reminders?.on) continue;
    const stages = (Object.entries(index.stages) as [StageId, { card: { due: number } }][])
      .filter(([, record]) => record.card.due <= now)
      .sort((a, b) => a[1].card.due - b[1].card.due);
    if (stages.length === 0) continue;
    // The due state: which stages, due since when. A new review changes it, so the next time
    // those stages fall due there is a new reminder.
    const state = stages.map(([stage, r]) => `${stage}@${r.card.due}`).join(',');
    if (
      !(await services.store.claimOnce(`reminder:${candidateId}:${state}`, REMINDER_CLAIM_TTL_MS))
    )
      continue;
    const lang = index.reminders.lang;
    const titles = stages.map(
      ([stage]) =>
        services.knowledge.framework.stages.find((s) => s.id === stage)?.title[lang] ?? stage,
    );
    due.push({ candidateId, text: practiceText(lang).reminder(titles) });
  }
  return due;
}
