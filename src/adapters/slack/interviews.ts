/**
 * The two things every listener ends up doing: start an interview in a new thread, and run a
 * command in an interview's thread. Listeners build the engine command; this module calls the
 * engine and sends the rendered replies. No interview logic: the engine decides everything.
 */
import type { webApi } from '@slack/bolt';
import type { App } from '../../app.ts';
import { describeError, msg } from '../../engine/messages.ts';
import type { Command, EngineError, Lang } from '../../engine/types.ts';
import type { Logger } from '../../logger.ts';
import { slackTenant } from '../kit/tenant.ts';
import {
  actorFor,
  channelPlace,
  sessionIdFor,
  type ThreadRef,
  threadOf,
  workspacePlace,
} from './ids.ts';
import { escapeMrkdwn } from './mrkdwn.ts';
import { postReplies } from './poster.ts';
import { fallbackText, sections } from './render/blocks.ts';
import { renderReplies, textMessage } from './render/replies.ts';
import { slackReplayLink } from './replay-links.ts';
import { slackText } from './text.ts';

type WebClient = webApi.WebClient;
type StartCommand = Extract<Command, { kind: 'start' }>;

export interface SlackDeps {
  app: App;
  logger: Logger;
}

/** Tells the person who acted something only they see (ephemeral, or a DM). */
export type Notify = (plainText: string) => Promise<void>;

/** Slack user ids look like U0123ABCD (or W... on Enterprise Grid); only those become mentions. */
function mention(userId: string): string {
  return /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

export interface StartRequest {
  teamId: string;
  userId: string;
  /** The conversation to start in; null: the user's messages with the app (App Home). */
  channel: string | null;
  command: StartCommand;
  notify: Notify;
}

/**
 * Post the start message, then start the interview in its thread. The scenario is checked
 * first, so a typo leaves no empty thread behind.
 */
export async function startInterview(
  deps: SlackDeps,
  client: WebClient,
  request: StartRequest,
): Promise<void> {
  const { engine } = deps.app;
  const { command } = request;
  const lang: Lang = command.lang ?? 'en';
  const scenario = engine.scenario(command.scenarioId);
  if (!scenario) {
    await request.notify(describeError(engine.scenarioError(command.scenarioId)!, lang));
    return;
  }

  const m = msg(lang);
  const rootText = slackText(lang).rootMessage(
    mention(request.userId),
    escapeMrkdwn(scenario.title[lang]),
    m.modes[command.mode ?? 'interview'],
    m.difficulties[command.difficulty ?? 'medium'],
  );
  let root: { channel: string; ts: string };
  try {
    // A user id as the channel posts in the user's messages with the app.
    const posted = await client.chat.postMessage({
      channel: request.channel ?? request.userId,
      text: rootText,
      blocks: sections(rootText),
    });
    if (!posted.ts || !posted.channel) throw new Error('chat.postMessage returned no ts');
    root = { channel: posted.channel, ts: posted.ts };
  } catch (error) {
    deps.logger.warn({ err: error, channel: request.channel }, 'could not post the start message');
    await request.notify(slackText(lang).cannotPost);
    return;
  }

  const thread: ThreadRef = { teamId: request.teamId, channel: root.channel, threadTs: root.ts };
  const outcome = await engine.execute({
    actor: actorFor(request.teamId, request.userId),
    sessionId: sessionIdFor(thread),
    command: {
      ...command,
      places: [channelPlace(request.teamId, root.channel), workspacePlace(request.teamId)],
    },
    lang,
  });
  if (!outcome.ok) {
    const failed = fallbackText([
      slackText(lang).rootFailed(escapeMrkdwn(scenario.title[lang])),
      escapeMrkdwn(describeError(outcome.error, outcome.lang)),
    ]);
    await client.chat.update({
      channel: root.channel,
      ts: root.ts,
      text: failed,
      blocks: sections(failed),
    });
    return;
  }
  await postReplies(
    client,
    thread,
    await render(deps, client, thread, outcome),
    outcome.lang,
    deps.logger,
  );
}

/** The replies as Slack messages, a scorecard's replay links looked up first. */
async function render(
  deps: SlackDeps,
  client: WebClient,
  thread: ThreadRef,
  outcome: { replies: Parameters<typeof renderReplies>[0]; lang: Lang; sessionId: string | null },
) {
  const { replies, lang, sessionId } = outcome;
  const replay = await slackReplayLink(client, replies, thread, lang, deps.logger);
  return renderReplies(replies, { lang, sessionId, replay });
}

export interface ThreadCommand {
  sessionId: string;
  teamId: string;
  userId: string;
  command: Command;
  /** Called with engine errors; the caller decides who sees them, or that nobody does. */
  onError(error: EngineError, lang: Lang): Promise<void>;
}

/** Run a command for an interview and post the replies in its thread. */
export async function runInThread(
  deps: SlackDeps,
  client: WebClient,
  request: ThreadCommand,
): Promise<'posted' | 'failed'> {
  const thread = threadOf(request.sessionId);
  if (!thread) {
    await request.onError({ code: 'no-session' }, 'en');
    return 'failed';
  }
  const outcome = await deps.app.engine.execute({
    actor: actorFor(request.teamId, request.userId),
    tenant: slackTenant(request.teamId),
    sessionId: request.sessionId,
    command: request.command,
  });
  if (!outcome.ok) {
    await request.onError(outcome.error, outcome.lang);
    return 'failed';
  }
  const outgoing = await render(deps, client, thread, outcome);
  await postReplies(client, thread, outgoing, outcome.lang, deps.logger);
  return 'posted';
}

/**
 * The interview a slash command acts on (slash commands carry no thread): the user's newest
 * interview in this channel, else their newest in the workspace. Each is one read of the
 * engine's place index.
 */
export async function currentSessionFor(
  deps: SlackDeps,
  call: { teamId: string; userId: string; channel: string },
): Promise<string | null> {
  const { engine } = deps.app;
  const actor = actorFor(call.teamId, call.userId);
  return (
    (await engine.sessionAt(actor, channelPlace(call.teamId, call.channel))) ??
    (await engine.sessionAt(actor, workspacePlace(call.teamId)))
  );
}

/** An engine error as an ephemeral-ready message. */
export function errorMessage(error: EngineError, lang: Lang) {
  return textMessage(describeError(error, lang));
}
