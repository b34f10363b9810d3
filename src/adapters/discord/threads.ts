/**
 * Opening the interview thread: private where the configuration asks and the bot may create
 * private threads in the channel, public otherwise (or when Discord refuses the private one).
 * The candidate is added so the thread shows up in their list and notifies them.
 */
import {
  ChannelType,
  PermissionFlagsBits,
  type PermissionsBitField,
  type TextChannel,
  type ThreadChannel,
  ThreadAutoArchiveDuration,
} from 'discord.js';
import { truncate } from './embed-limits.ts';

/** Discord's limit on channel (and thread) names. */
const THREAD_NAME_LIMIT = 100;

export interface ThreadRequest {
  parent: TextChannel;
  name: string;
  candidateUserId: string;
  wantPrivate: boolean;
  /** The bot's permissions in the parent channel (from the interaction). */
  botPermissions: Readonly<PermissionsBitField> | null;
}

export async function openInterviewThread(request: ThreadRequest): Promise<ThreadChannel> {
  const { parent } = request;
  const name = truncate(request.name, THREAD_NAME_LIMIT);
  const mayPrivate =
    request.wantPrivate &&
    (request.botPermissions?.has(PermissionFlagsBits.CreatePrivateThreads) ?? false);
  const create = (type: ChannelType.PrivateThread | ChannelType.PublicThread) =>
    parent.threads.create({
      name,
      type,
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
      ...(type === ChannelType.PrivateThread ? { invitable: false } : {}),
      reason: 'mock interview',
    });
  let thread: ThreadChannel;
  if (mayPrivate) {
    thread = await create(ChannelType.PrivateThread).catch(() => create(ChannelType.PublicThread));
  } else {
    thread = await create(ChannelType.PublicThread);
  }
  try {
    await thread.members.add(request.candidateUserId);
  } catch (error) {
    // The caller reports the failure and starts no interview: leave no empty thread behind.
    await thread.delete().catch(() => {});
    throw error;
  }
  return thread;
}
