/**
 * Only the newest interviewer message in a channel offers buttons: when a turn posts new
 * messages, the buttons of the turn before are spent and are taken off. Kept in memory (a
 * restart forgets it, and an old button then still works: the engine checks every press
 * against the session's current state, so a stale button is only untidy, never wrong).
 */
import type { SentMessage } from './send.ts';

export class LiveButtons {
  private readonly latest = new Map<string, SentMessage>();
  /**
   * After a turn posted `sent` in `channelId`: remember its newest message with buttons and take
   * the buttons off the previous one (unless it is `alreadyCleared`, e.g. the pressed message).
   */
  async turnPosted(
    channelId: string,
    sent: readonly SentMessage[],
    alreadyCleared?: string,
  ): Promise<void> {
    if (sent.length === 0) return;
    const previous = this.latest.get(channelId);
    const newest = [...sent].reverse().find((m) => m.hasButtons);
    if (newest) this.latest.set(channelId, newest);
    else this.latest.delete(channelId);
    if (previous && previous.id !== newest?.id && previous.id !== alreadyCleared) {
      // Untidy at worst if it fails (message deleted, webhook token expired).
      await previous.removeButtons().catch(() => {});
    }
  }
}
