/**
 * Which interview a Discord channel holds, through the engine's place index (one read): the
 * interview started in this thread, or the newest started in this DM. Other channels hold none.
 */
import type { InterviewEngine } from '../../engine/engine.ts';
import type { CandidateId } from '../../engine/types.ts';
import { type ChannelRef, placeOf, threadSessionId } from './ids.ts';

export async function interviewHere(
  engine: InterviewEngine,
  actor: CandidateId,
  channel: ChannelRef | null,
): Promise<string | null> {
  const place = placeOf(channel);
  if (!channel || !place) return null;
  const found = await engine.sessionAt(actor, place);
  // An interview started before the place index existed: its thread's id still names it.
  return found ?? (channel.isThread() ? threadSessionId(channel.id) : null);
}
