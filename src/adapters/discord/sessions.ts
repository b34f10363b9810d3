/**
 * Which interview a Discord channel holds: an interview thread is its own session; a DM holds
 * the candidate's newest interview started in it (found through their history, so a finished
 * one still answers /interview scorecard and export). Other channels hold none.
 */
import type { Channel } from 'discord.js';
import type { InterviewEngine } from '../../engine/engine.ts';
import type { CandidateId } from '../../engine/types.ts';
import { isSessionOfDm, threadSessionId } from './ids.ts';

export async function sessionForChannel(
  channel: Channel | null,
  actor: CandidateId,
  engine: InterviewEngine,
): Promise<string | null> {
  if (!channel) return null;
  if (channel.isThread()) return threadSessionId(channel.id);
  if (channel.isDMBased()) return newestDmSession(channel.id, actor, engine);
  return null;
}

async function newestDmSession(
  channelId: string,
  actor: CandidateId,
  engine: InterviewEngine,
): Promise<string | null> {
  const outcome = await engine.execute({ actor, command: { kind: 'history' } });
  if (!outcome.ok) return null;
  for (const reply of outcome.replies) {
    if (reply.kind !== 'history') continue;
    // Entries come newest first.
    const entry = reply.history.entries.find((e) => isSessionOfDm(e.sessionId, channelId));
    if (entry) return entry.sessionId;
  }
  return null;
}
