/** What every Discord handler gets: the engine side, the bot's configuration, logs, turns. */
import type { InterviewEngine } from '../../engine/engine.ts';
import type { Logger } from '../../logger.ts';
import type { InFlight } from '../kit/in-flight.ts';
import type { PressGuard } from '../kit/press-guard.ts';
import type { DiscordConfig } from './client.ts';
import type { LiveButtons } from './live-buttons.ts';

/** The part of the composition root's `App` the bot uses (tests may build just this). */
export interface DiscordAppDeps {
  engine: InterviewEngine;
}

export interface BotContext {
  app: DiscordAppDeps;
  config: DiscordConfig;
  logger: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  turns: InFlight;
  buttons: LiveButtons;
  /** One run per button press, across processes (the store's claimOnce). */
  presses: PressGuard;
  /** The bot's own user id, once logged in (to recognise the threads it opened). */
  botUserId: () => string | null;
  /** Time limit of one attachment download (PLATFORM_TIMEOUT_MS). */
  downloadTimeoutMs: number;
}
