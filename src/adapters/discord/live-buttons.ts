/**
 * Only the newest interviewer message in a channel offers buttons: when a turn posts new
 * messages, the buttons of the turn before are spent and are taken off. Kept in memory (a
 * restart forgets it, and an old button then still works: the engine checks every press
 * against the session's current state, so a stale button is only untidy, never wrong).
 */
import type { SentMessage } from './send.ts';

export class LiveButtons {
  private readonly latest = new Map<string, SentMessage>();
  /** `<messageId>:<userId>` of presses being handled (their buttons are still on screen). */
  private readonly pressing = new Set<string>();

  /**
   * Claims a press of a button on `messageId` by `userId`; false while an earlier press of the
   * same message by the same user is still being handled. A double click (or a second button
   * pressed before the first answer arrives) would otherwise run a second turn: two hints, or
   * two stages closed. Call `pressDone` when the press is handled.
   */
  claimPress(messageId: string, userId: string): boolean {
    const key = `${messageId}:${userId}`;
    if (this.pressing.has(key)) return false;
    this.pressing.add(key);
    return true;
  }

  pressDone(messageId: string, userId: string): void {
    this.pressing.delete(`${messageId}:${userId}`);
  }

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
