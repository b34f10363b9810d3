/**
 * What a slash command (`/interview ...`) can do with the person who typed it: answer them
 * alone through its `response_url` (history, forget, model answers, reminders), or start an
 * interview in a new thread of the channel, telling them privately how that went.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { Command, Lang } from '../../../engine/types.ts';
import { postChartsPrivately } from '../charts.ts';
import { actorFor } from '../ids.ts';
import { errorMessage, type SlackDeps, type StartRequest, startInterview } from '../interviews.ts';
import { renderReplies, textMessage } from '../render/replies.ts';
import type { RenderedMessage } from '../render/scorecard-blocks.ts';

/** Who typed the command, where, and how to answer them. */
export interface Invocation {
  teamId: string;
  userId: string;
  channel: string;
  triggerId: string;
  respond: RespondFn;
  client: webApi.WebClient;
}

export function ephemeral(respond: RespondFn, message: RenderedMessage): Promise<unknown> {
  return respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
}

/** Runs `command` for the caller and shows its replies, or its error, to them alone. */
export async function answerPrivately(
  deps: SlackDeps,
  call: Invocation,
  request: { command: Command; sessionId?: string; lang?: Lang },
): Promise<void> {
  const outcome = await deps.app.engine.execute({
    actor: actorFor(call.teamId, call.userId),
    sessionId: request.sessionId,
    command: request.command,
    lang: request.lang,
  });
  if (!outcome.ok) {
    await ephemeral(call.respond, errorMessage(outcome.error, outcome.lang));
    return;
  }
  const rendered = renderReplies(outcome.replies, { lang: outcome.lang, sessionId: null });
  for (const message of rendered) {
    if (message.kind === 'message') await ephemeral(call.respond, message);
  }
  // Charts (history's progress) go to the caller's messages with the app, never the channel:
  // they show that person's scores.
  const charts = rendered.flatMap((item) => (item.kind === 'images' ? item.files : []));
  if (charts.length > 0)
    await postChartsPrivately(call.client, call.userId, charts, outcome.lang, deps.logger);
}

/** Tells the caller `plain` (text, no markup) privately. */
export function notifier(call: Invocation): (plain: string) => Promise<void> {
  return async (plain) => {
    await ephemeral(call.respond, textMessage(plain));
  };
}

/** Starts an interview in a new thread of the command's channel. */
export function startFromInvocation(
  deps: SlackDeps,
  call: Invocation,
  command: StartRequest['command'],
): Promise<void> {
  return startInterview(deps, call.client, {
    teamId: call.teamId,
    userId: call.userId,
    channel: call.channel,
    command,
    notify: notifier(call),
  });
}
