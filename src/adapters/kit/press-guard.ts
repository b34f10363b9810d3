/**
 * One run per button press, across processes. A double click (or a press redelivered by the
 * platform) can reach two processes behind one load balancer; a per-process set would let
 * both run a turn: two hints, or two stages closed. The claim goes through the store's
 * `claimOnce` (set-if-absent with expiry; Redis when processes share one), so exactly one
 * process runs the press and the others only acknowledge it.
 */
import type { Action } from '../../engine/types.ts';

/** What the guard needs: the engine's one-time claim (the store's `claimOnce`). */
export interface Claims {
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
}

/**
 * How long a press is remembered. A repeat of the same button on the same message within it
 * is a double click or an impatient second press; after it, a press counts again (Slack keeps
 * old buttons on screen). Long enough to cover a slow LLM turn.
 */
export const PRESS_WINDOW_MS = 2 * 60_000;

export interface Press {
  /** `discord`, `slack`, ...: keeps two platforms' message ids apart. */
  platform: string;
  /** The platform's id of the message whose button was pressed. */
  messageId: string;
  userId: string;
  /** `rate`: any self-assessment button (one rating per question message). */
  action: Action | 'rate';
}

export class PressGuard {
  constructor(
    private readonly claims: Claims,
    private readonly windowMs = PRESS_WINDOW_MS,
  ) {}

  /** True for the first press of this button on this message by this user (in any process). */
  firstPress(press: Press): Promise<boolean> {
    const key = `press:${press.platform}:${press.messageId}:${press.userId}:${press.action}`;
    return this.claims.claimOnce(key, this.windowMs);
  }
}
