/**
 * The fake Discord's interaction routes: the callback that acknowledges an interaction, and
 * the webhook routes (follow-ups, `@original` edits, reads and deletes) that answer it later.
 * They carry no bot token: the interaction's token authorizes them.
 */
import { messageBodyProblems } from './limits.ts';
import { message } from './payloads.ts';
import {
  alreadyAcknowledged,
  attachmentsFor,
  invalidBody,
  noContent,
  storeMessage,
  unknownInteraction,
  unknownMessage,
  withMessageChecks,
} from './rest-replies.ts';
import type { Route } from './rest-types.ts';
import type { FakeWorld } from './world.ts';

export function interactionRoutes(world: FakeWorld): Route[] {
  const interactionByToken = (token: string | undefined) =>
    [...world.interactions.values()].find((i) => i.token === token);

  return [
    {
      method: 'POST',
      name: 'interaction-callback',
      pattern: /^\/interactions\/(?<id>\d+)\/(?<token>[^/]+)\/callback$/,
      auth: false,
      handle: (context) => {
        const pending = world.interactions.get(context.params.id!);
        if (!pending || pending.token !== context.params.token) return unknownInteraction;
        if (pending.callbackType !== undefined) return alreadyAcknowledged;
        const type = Number(context.body?.type);
        const data = context.body?.data ?? {};
        if (type === 4 || type === 7) {
          const problems = messageBodyProblems(data);
          if (problems.length > 0) {
            context.problems.push(...problems);
            return invalidBody(problems);
          }
        }
        pending.callbackType = type;
        pending.ephemeral = Boolean((Number(data.flags) || 0) & 64);
        if (type === 4) {
          pending.original = storeMessage(
            world,
            message({
              channel: pending.channel,
              author: world.bot,
              content: data.content,
              embeds: data.embeds,
              components: data.components,
              flags: pending.ephemeral ? 64 : 0,
              webhookId: pending.applicationId,
            }),
          );
        }
        if (type === 6 || type === 7) pending.original = pending.componentMessage;
        if (type === 7 && pending.original) Object.assign(pending.original, data);
        return noContent;
      },
    },
    {
      method: 'POST',
      name: 'webhook-execute',
      pattern: /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)$/,
      auth: false,
      handle: (context) => {
        const pending = interactionByToken(context.params.token);
        if (!pending || pending.callbackType === undefined) return unknownInteraction;
        return withMessageChecks(context, () => {
          const flags = Number(context.body?.flags) || 0;
          const m = storeMessage(
            world,
            message({
              channel: pending.channel,
              author: world.bot,
              content: context.body?.content,
              embeds: context.body?.embeds,
              components: context.body?.components,
              attachments: attachmentsFor(context.files),
              flags,
              webhookId: pending.applicationId,
            }),
          );
          return { status: 200, json: m };
        });
      },
    },
    {
      method: 'PATCH',
      name: 'webhook-edit',
      pattern: /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)\/messages\/(?<message>@original|\d+)$/,
      auth: false,
      handle: (context) => {
        const pending = interactionByToken(context.params.token);
        if (!pending || pending.callbackType === undefined) return unknownInteraction;
        return withMessageChecks(context, () => {
          let target =
            context.params.message === '@original'
              ? pending.original
              : world.messages.get(context.params.message!);
          if (!target && context.params.message === '@original' && pending.callbackType === 5) {
            // The deferred "thinking…" message becomes the reply.
            target = storeMessage(
              world,
              message({
                channel: pending.channel,
                author: world.bot,
                flags: pending.ephemeral ? 64 : 0,
                webhookId: pending.applicationId,
              }),
            );
            pending.original = target;
          }
          if (!target) return unknownMessage;
          const { content, embeds, components } = context.body ?? {};
          if (content !== undefined) target.content = content ?? '';
          if (embeds !== undefined) target.embeds = embeds ?? [];
          if (components !== undefined) target.components = components ?? [];
          if (context.files.length > 0) target.attachments = attachmentsFor(context.files);
          target.edited_timestamp = new Date().toISOString();
          return { status: 200, json: target };
        });
      },
    },
    {
      method: 'GET',
      name: 'webhook-get',
      pattern: /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)\/messages\/(?<message>@original|\d+)$/,
      auth: false,
      handle: ({ params }) => {
        const pending = interactionByToken(params.token);
        const target =
          params.message === '@original' ? pending?.original : world.messages.get(params.message!);
        return target ? { status: 200, json: target } : unknownMessage;
      },
    },
    {
      method: 'DELETE',
      name: 'webhook-delete',
      pattern: /^\/webhooks\/(?<app>\d+)\/(?<token>[^/]+)\/messages\/(?<message>@original|\d+)$/,
      auth: false,
      handle: ({ params }) => {
        const pending = interactionByToken(params.token);
        if (!pending) return unknownInteraction;
        if (params.message === '@original') {
          // Deleting a deferred reply that was never edited is allowed: the "thinking…" goes away.
          if (pending.original) world.messages.delete(pending.original.id);
          pending.original = undefined;
          return noContent;
        }
        return world.messages.delete(params.message!) ? noContent : unknownMessage;
      },
    },
  ];
}
