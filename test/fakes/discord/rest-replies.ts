/**
 * Replies and helpers the fake Discord's REST route groups share: Discord's error answers,
 * the message-limit check, attachments for uploaded files, and storing a posted message.
 */
import { messageBodyProblems } from './limits.ts';
import { type FakeMessage, snowflake } from './payloads.ts';
import type { Reply, RecordedFile, RouteContext } from './rest-types.ts';
import type { FakeWorld } from './world.ts';

export const noContent: Reply = { status: 204 };
export const notFound: Reply = { status: 404, json: { message: '404: Not Found', code: 0 } };
export const unknownMessage: Reply = {
  status: 404,
  json: { message: 'Unknown Message', code: 10008 },
};
export const unknownChannel: Reply = {
  status: 404,
  json: { message: 'Unknown Channel', code: 10003 },
};
export const unknownInteraction: Reply = {
  status: 404,
  json: { message: 'Unknown interaction', code: 10062 },
};
export const alreadyAcknowledged: Reply = {
  status: 400,
  json: { message: 'Interaction has already been acknowledged.', code: 40060 },
};

export function invalidBody(problems: string[]): Reply {
  return { status: 400, json: { message: 'Invalid Form Body', code: 50035, errors: problems } };
}

export function withMessageChecks(context: RouteContext, build: () => Reply): Reply {
  const problems = messageBodyProblems(context.body ?? {});
  if (problems.length > 0) {
    context.problems.push(...problems);
    return invalidBody(problems);
  }
  return build();
}

export function attachmentsFor(files: RecordedFile[]) {
  return files.map((f) => ({
    id: snowflake(),
    filename: f.name,
    size: f.data.length,
    url: `https://cdn.invalid/${f.name}`,
    proxy_url: `https://cdn.invalid/${f.name}`,
    content_type: f.contentType,
  }));
}

/** Keeps a message the bot posted, as its channel's newest. */
export function storeMessage(world: FakeWorld, m: FakeMessage): FakeMessage {
  world.messages.set(m.id, m);
  const channel = world.channels.get(m.channel_id);
  if (channel) channel.last_message_id = m.id;
  return m;
}
