/**
 * The fake Discord's channel routes (bot token): messages posted, edited and announced on the
 * gateway, channels read and deleted, DMs opened, threads created and joined, typing.
 */
import { CHANNEL_TYPES, message, thread, user } from './payloads.ts';
import {
  attachmentsFor,
  invalidBody,
  noContent,
  storeMessage,
  unknownChannel,
  unknownMessage,
  withMessageChecks,
} from './rest-replies.ts';
import type { RestHooks, Route } from './rest-types.ts';
import type { FakeWorld } from './world.ts';

export function channelRoutes(world: FakeWorld, hooks: RestHooks): Route[] {
  return [
    {
      method: 'POST',
      name: 'channel-message',
      pattern: /^\/channels\/(?<channel>\d+)\/messages$/,
      auth: true,
      handle: (context) => {
        const channel = world.channels.get(context.params.channel!);
        if (!channel) return unknownChannel;
        return withMessageChecks(context, () => {
          const { content, embeds, components } = context.body ?? {};
          if (!content && !embeds?.length && !components?.length && context.files.length === 0) {
            context.problems.push('empty message');
            return { status: 400, json: { message: 'Cannot send an empty message', code: 50006 } };
          }
          const m = storeMessage(
            world,
            message({
              channel,
              author: world.bot,
              content,
              embeds,
              components,
              attachments: attachmentsFor(context.files),
            }),
          );
          hooks.dispatch('MESSAGE_CREATE', m);
          return { status: 200, json: m };
        });
      },
    },
    {
      method: 'PATCH',
      name: 'channel-message-edit',
      pattern: /^\/channels\/(?<channel>\d+)\/messages\/(?<message>\d+)$/,
      auth: true,
      handle: (context) => {
        const target = world.messages.get(context.params.message!);
        if (!target || target.channel_id !== context.params.channel) return unknownMessage;
        return withMessageChecks(context, () => {
          const { content, embeds, components } = context.body ?? {};
          if (content !== undefined) target.content = content ?? '';
          if (embeds !== undefined) target.embeds = embeds ?? [];
          if (components !== undefined) target.components = components ?? [];
          target.edited_timestamp = new Date().toISOString();
          return { status: 200, json: target };
        });
      },
    },
    {
      method: 'DELETE',
      name: 'channel-delete',
      pattern: /^\/channels\/(?<channel>\d+)$/,
      auth: true,
      handle: ({ params }) => {
        const channel = world.channels.get(params.channel!);
        if (!channel) return unknownChannel;
        world.channels.delete(channel.id);
        hooks.dispatch(channel.thread_metadata ? 'THREAD_DELETE' : 'CHANNEL_DELETE', {
          id: channel.id,
          guild_id: channel.guild_id,
          parent_id: channel.parent_id,
          type: channel.type,
        });
        return { status: 200, json: channel };
      },
    },
    {
      // A DM channel with a user (discord.js `users.createDM`), for practice reminders.
      method: 'POST',
      name: 'dm-create',
      pattern: /^\/users\/@me\/channels$/,
      auth: true,
      handle: ({ body, problems }) => {
        const recipientId = String(body?.recipient_id ?? '');
        if (!/^\d+$/.test(recipientId)) {
          problems.push('recipient_id: must be a snowflake');
          return invalidBody(problems);
        }
        const existing = [...world.channels.values()].find(
          (c) => c.type === CHANNEL_TYPES.dm && c.recipients?.[0]?.id === recipientId,
        );
        return {
          status: 200,
          json: existing ?? world.openDm(user(`user-${recipientId}`, { id: recipientId })),
        };
      },
    },
    {
      method: 'GET',
      name: 'channel-get',
      pattern: /^\/channels\/(?<channel>\d+)$/,
      auth: true,
      handle: ({ params }) => {
        const channel = world.channels.get(params.channel!);
        return channel ? { status: 200, json: channel } : unknownChannel;
      },
    },
    {
      method: 'POST',
      name: 'thread-create',
      pattern: /^\/channels\/(?<channel>\d+)\/threads$/,
      auth: true,
      handle: ({ params, body, problems }) => {
        const parent = world.channels.get(params.channel!);
        if (!parent) return unknownChannel;
        if (parent.type !== CHANNEL_TYPES.guildText) {
          problems.push('threads can only be created in text channels');
          return {
            status: 400,
            json: { message: 'Cannot execute action on this channel type', code: 50024 },
          };
        }
        const name = String(body?.name ?? '');
        if ([...name].length < 1 || [...name].length > 100) {
          problems.push(`name: ${[...name].length} characters, must be 1–100`);
          return invalidBody(problems);
        }
        const type = Number(body?.type ?? CHANNEL_TYPES.privateThread);
        const created = thread({
          parent,
          name,
          ownerId: world.bot.id,
          type,
          autoArchiveDuration: Number(body?.auto_archive_duration ?? 1440),
          invitable:
            type === CHANNEL_TYPES.privateThread ? Boolean(body?.invitable ?? true) : undefined,
        });
        world.addChannel(created);
        world.threadMembers.set(created.id, new Set([world.bot.id]));
        hooks.dispatch('THREAD_CREATE', { ...created, newly_created: true });
        return { status: 201, json: created };
      },
    },
    {
      method: 'PUT',
      name: 'thread-member-add',
      pattern: /^\/channels\/(?<channel>\d+)\/thread-members\/(?<user>\d+)$/,
      auth: true,
      handle: ({ params }) => {
        const members = world.threadMembers.get(params.channel!);
        if (!members) return unknownChannel;
        members.add(params.user!);
        return noContent;
      },
    },
    {
      method: 'POST',
      name: 'typing',
      pattern: /^\/channels\/(?<channel>\d+)\/typing$/,
      auth: true,
      handle: ({ params }) => (world.channels.has(params.channel!) ? noContent : unknownChannel),
    },
  ];
}
