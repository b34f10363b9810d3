/**
 * The reminder sweep of one platform process: every `everyMs`, ask the engine for the
 * reminders due (claimed once across processes) and send each as a DM. The schedule and the
 * reminder choice live in the store, so a restart loses nothing: the next sweep sends what is
 * due and not yet claimed.
 */
import type { InterviewEngine } from '../engine/engine.ts';
import type { CandidateId } from '../engine/types.ts';
import type { Logger } from '../logger.ts';

export interface ReminderChannel {
  /** Whether this process's platform owns the candidate id (e.g. `discord:`). */
  handles(candidateId: CandidateId): boolean;
  send(candidateId: CandidateId, text: string): Promise<void>;
}

/** One sweep: returns how many reminders were sent. */
export async function sweepReminders(
  engine: InterviewEngine,
  channel: ReminderChannel,
  logger: Logger,
): Promise<number> {
  let sent = 0;
  for (const reminder of await engine.claimDueReminders((id) => channel.handles(id))) {
    try {
      await channel.send(reminder.candidateId, reminder.text);
      sent++;
    } catch (error) {
      // Claimed but not delivered (DMs closed, user gone): logged, not retried forever.
      logger.warn({ err: error, candidateId: reminder.candidateId }, 'reminder not delivered');
    }
  }
  return sent;
}

/** Sweeps every `everyMs` until `stop()`; 0 turns the loop off. */
export function startReminderLoop(
  engine: InterviewEngine,
  channel: ReminderChannel,
  everyMs: number,
  logger: Logger,
): { stop(): void } {
  if (everyMs <= 0) return { stop() {} };
  let running = false;
  const timer = setInterval(() => {
    if (running) return; // a slow sweep is not overlapped by the next
    running = true;
    sweepReminders(engine, channel, logger)
      .catch((error) => logger.warn({ err: error }, 'reminder sweep failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
