/**
 * Replies in an interview's thread are the candidate's answers. Named filters run first, in
 * this order: bots (this app included) → ignored; edits, deletions and notices → ignored; not a
 * reply under this app's start message → ignored. Then a delivery another process (or this
 * one) already claimed is dropped (event-claims.ts).
 * Then one translator: the message becomes an `answer` command, with the message's id so the
 * engine answers a redelivered message once. Replies from anyone but the candidate are
 * ignored silently (the engine says "not your session"; nobody needs to hear it).
 */
import type {
  AllMiddlewareArgs,
  App as BoltApp,
  Middleware,
  SlackEventMiddlewareArgs,
} from '@slack/bolt';
import { downloadAttachments } from '../../kit/attachments.ts';
import type { InFlight } from '../../kit/in-flight.ts';
import { isQuietInConversation } from '../../kit/quiet-errors.ts';
import type { EventClaims } from '../event-claims.ts';
import { messageFiles } from '../files.ts';
import { actorFor, messageIdFor, sessionIdFor } from '../ids.ts';
import { errorMessage, runInThread, type SlackDeps } from '../interviews.ts';
import { slackToPlain } from '../mrkdwn.ts';
import { postEphemeral } from '../poster.ts';
import {
  isFromBotOrSelf,
  isInterviewThread,
  isPersonMessage,
  type MessageEventLike,
} from '../predicates.ts';

type MessageArgs = SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs;

/** A listener filter from a named check: the chain continues only when the check passes. */
function onlyIf(
  check: (args: MessageArgs) => boolean,
): Middleware<SlackEventMiddlewareArgs<'message'>> {
  return async (args) => {
    if (check(args)) await args.next();
  };
}

const fields = (args: MessageArgs) => args.message as MessageEventLike;

export function registerThreadMessages(
  bolt: BoltApp,
  deps: SlackDeps,
  work: InFlight,
  claims: EventClaims,
  /** Time limit of one file download (PLATFORM_TIMEOUT_MS). */
  downloadTimeoutMs: number,
): void {
  const notFromBot = onlyIf((args) => !isFromBotOrSelf(fields(args), args.context.botUserId));
  const personMessage = onlyIf((args) => isPersonMessage(fields(args)));
  const inInterviewThread = onlyIf((args) =>
    isInterviewThread(fields(args), args.context.botUserId),
  );

  bolt.event(
    'message',
    notFromBot,
    personMessage,
    inInterviewThread,
    async ({ body, context, client, ...args }) => {
      const message = args.message as MessageEventLike;
      const teamId = body.team_id ?? context.teamId;
      const { channel, ts, thread_ts: threadTs, user } = message;
      if (!teamId || !channel || !ts || !threadTs || !user) return;
      await work.run(async () => {
        // After the filters (it writes to the store), inside the tracked work (so stop() waits
        // for it): the one delivery, across processes, that acts.
        if (!(await claims.first(teamId, body.event_id))) return;
        const sessionId = sessionIdFor({ teamId, channel, threadTs });
        // A stranger's files are not fetched: the engine refuses their message anyway.
        const strangers =
          (message.files?.length ?? 0) > 0 &&
          (await deps.app.engine.isSomeoneElses(sessionId, actorFor(teamId, user)));
        const attachments = await downloadAttachments(
          strangers ? [] : messageFiles(message.files, context.botToken),
          {
            timeoutMs: downloadTimeoutMs,
            onFailure: (file, reason) =>
              deps.logger.warn(
                { channel, ts, file: file.name, reason },
                'slack file download failed',
              ),
          },
        );
        await runInThread(deps, client, {
          sessionId,
          teamId,
          userId: user,
          command: {
            kind: 'answer',
            text: slackToPlain(message.text ?? ''),
            messageId: messageIdFor(teamId, channel, ts),
            ...(attachments.length > 0 ? { attachments } : {}),
          },
          onError: async (error, lang) => {
            if (isQuietInConversation(error)) return;
            await postEphemeral(client, { channel, user, threadTs }, errorMessage(error, lang));
          },
        });
      });
    },
  );
}
