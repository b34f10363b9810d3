/**
 * How Discord things map to engine ids.
 *
 * - Actor: `discord:<userId>` (the engine's platform-qualified candidate id).
 * - Session in a server: one per interview thread, `discord:<threadId>`; a thread id is never
 *   reused, so the thread is the session.
 * - Session in a DM: the DM channel lives forever and may hold many interviews one after the
 *   other, so each gets `discord:dm:<channelId>:<startInteractionId>`; messages in the DM go to
 *   the newest interview started in it.
 * - Places (for `engine.sessionAt`): `discord:thread:<threadId>`, `discord:dm:<channelId>`;
 *   an interview is recorded at its place when it starts, so "which interview is here" is one
 *   read of the store's place index.
 * - Buttons carry their session: custom id `mli:<action>:<sessionId>` (at most 100 characters;
 *   ours are under 70), so a press never needs a lookup.
 */
import {
  type Action,
  type CandidateId,
  type Level,
  type Place,
  STAGE_IDS,
  type StageId,
} from '../../engine/types.ts';
import { actionNamed, type IdCodec } from '../kit/ids.ts';

/** The channel facts a place is decided by (a discord.js channel has them). */
export interface ChannelRef {
  id: string;
  isThread(): boolean;
  isDMBased(): boolean;
}

export function actorId(userId: string): CandidateId {
  return `discord:${userId}`;
}

export function threadPlace(threadId: string): Place {
  return { key: `discord:thread:${threadId}` };
}

export function dmPlace(channelId: string): Place {
  return { key: `discord:dm:${channelId}` };
}

/** The place a channel is: an interview thread, a DM; other channels hold no interview. */
export function placeOf(channel: ChannelRef | null): Place | null {
  if (!channel) return null;
  if (channel.isThread()) return threadPlace(channel.id);
  if (channel.isDMBased()) return dmPlace(channel.id);
  return null;
}

export const discordIds: IdCodec<string, ChannelRef> = {
  actor: actorId,
  place: (channel) => placeOf(channel) ?? { key: `discord:channel:${channel.id}` },
};

export function threadSessionId(threadId: string): string {
  return `discord:${threadId}`;
}

export function dmSessionId(channelId: string, interactionId: string): string {
  return `discord:dm:${channelId}:${interactionId}`;
}

/**
 * The channel an interview's messages are in (its thread, or its DM channel), from the session
 * id; null for ids that are not Discord sessions.
 */
export function sessionChannel(sessionId: string): { channelId: string; dm: boolean } | null {
  const parts = sessionId.split(':');
  if (parts[0] !== 'discord') return null;
  if (parts[1] === 'dm') return parts[2] ? { channelId: parts[2], dm: true } : null;
  return parts.length === 2 && parts[1] ? { channelId: parts[1], dm: false } : null;
}

const BUTTON_PREFIX = 'mli';
/** Self-assessment buttons: `mlr:<level 1–4 | skip>:<stage>:<sessionId>`. */
const RATING_PREFIX = 'mlr';

export function ratingCustomId(level: Level | 'skip', stage: StageId, sessionId: string): string {
  return `${RATING_PREFIX}:${level}:${stage}:${sessionId}`;
}

/** The rating (no level: skip), stage and session of a self-assessment button; else null. */
export function parseRatingCustomId(
  customId: string,
): { level?: Level; stage: StageId; sessionId: string } | null {
  const [prefix, level, stage, ...rest] = customId.split(':');
  const sessionId = rest.join(':');
  if (prefix !== RATING_PREFIX || !stage || !sessionId) return null;
  if (!(STAGE_IDS as readonly string[]).includes(stage)) return null;
  if (level === 'skip') return { stage: stage as StageId, sessionId };
  if (!level || !/^[1-4]$/.test(level)) return null;
  return { level: Number(level) as Level, stage: stage as StageId, sessionId };
}

export function buttonCustomId(action: Action, sessionId: string): string {
  return `${BUTTON_PREFIX}:${action}:${sessionId}`;
}

/** The action and session of one of our buttons; null for any other custom id. */
export function parseButtonCustomId(
  customId: string,
): { action: Action; sessionId: string } | null {
  const [prefix, action, ...rest] = customId.split(':');
  const sessionId = rest.join(':');
  const named = actionNamed(action);
  if (prefix !== BUTTON_PREFIX || !sessionId || !named) return null;
  return { action: named, sessionId };
}
