/**
 * What the fake Slack answers to each Web API method once a call is authorised (`answerMethod`),
 * and the OAuth code exchange that installs the app in a workspace (`exchangeOAuthCode`).
 */
import type { IncomingMessage } from 'node:http';
import type { FakeMessages } from './permalinks.ts';
import type { FakeUploads } from './uploads.ts';
import {
  FAKE_APP_ID,
  FAKE_BOT_ID,
  FAKE_BOT_USER_ID,
  FAKE_TEAM_ID,
  FAKE_WORKSPACE_URL,
  type FakeWorkspace,
} from './workspace.ts';

export type Answer = Record<string, unknown>;

/** The fake's state the answers read and change. */
export interface AnswerContext {
  /** The next message timestamp (`1700000000.000001`, ...). */
  nextTs(): string;
  messages: FakeMessages;
  files: FakeUploads;
  /** The fake's base URL, for the upload URLs it hands out. */
  base: string;
  /** What apps.connections.open hands out (a fake Socket Mode server's URL). */
  socketUrl?: (() => string) | undefined;
}

/** The app's OAuth credentials, and the workspace each authorisation code installs. */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  codes: Record<string, FakeWorkspace>;
}

/** oauth.v2.access: an authorisation code for the app's credentials → a workspace's bot token. */
export function exchangeOAuthCode(
  args: Record<string, unknown>,
  req: IncomingMessage,
  oauth: OAuthSettings | undefined,
  installed: Map<string, FakeWorkspace>,
): Answer {
  if (!oauth) return { ok: false, error: 'invalid_client_id' };
  // The client sends its credentials as form fields or as HTTP Basic auth.
  const basic = req.headers.authorization?.startsWith('Basic ')
    ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString('utf8').split(':')
    : [];
  const clientId = String(args.client_id ?? basic[0] ?? '');
  const clientSecret = String(args.client_secret ?? basic[1] ?? '');
  if (clientId !== oauth.clientId) return { ok: false, error: 'invalid_client_id' };
  if (clientSecret !== oauth.clientSecret) return { ok: false, error: 'bad_client_secret' };
  const workspace = oauth.codes[String(args.code ?? '')];
  if (!workspace) return { ok: false, error: 'invalid_code' };
  installed.set(workspace.botToken, workspace);
  return {
    ok: true,
    app_id: FAKE_APP_ID,
    authed_user: { id: 'U0INSTALLER' },
    scope: 'commands,chat:write,channels:history,groups:history,im:history,files:write',
    token_type: 'bot',
    access_token: workspace.botToken,
    bot_user_id: workspace.botUserId,
    team: { id: workspace.teamId, name: workspace.teamName },
    enterprise: null,
    is_enterprise_install: false,
  };
}

export function answerMethod(
  method: string,
  args: Record<string, unknown>,
  workspace: FakeWorkspace | undefined,
  context: AnswerContext,
): Answer {
  switch (method) {
    case 'auth.test':
      if (workspace) {
        return {
          ok: true,
          url: `https://${workspace.teamId.toLowerCase()}.slack.com/`,
          team: workspace.teamName,
          user: 'ml-interviewer',
          team_id: workspace.teamId,
          user_id: workspace.botUserId,
          bot_id: workspace.botId,
          is_enterprise_install: false,
        };
      }
      return {
        ok: true,
        url: FAKE_WORKSPACE_URL,
        team: 'Fake Workspace',
        user: 'ml-interviewer',
        team_id: FAKE_TEAM_ID,
        user_id: FAKE_BOT_USER_ID,
        bot_id: FAKE_BOT_ID,
        is_enterprise_install: false,
      };
    case 'chat.postMessage': {
      const requested = String(args.channel ?? '');
      // A user id as the channel means the user's messages with the app: a D... channel.
      const channel = requested.startsWith('U') ? `D${requested.slice(1)}` : requested;
      const ts = context.nextTs();
      const threadTs = args.thread_ts ? String(args.thread_ts) : undefined;
      context.messages.add({ channel, ts, threadTs });
      return {
        ok: true,
        channel,
        ts,
        message: {
          type: 'message',
          user: FAKE_BOT_USER_ID,
          bot_id: FAKE_BOT_ID,
          app_id: FAKE_APP_ID,
          text: args.text,
          blocks: args.blocks,
          ts,
          ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
        },
      };
    }
    case 'chat.getPermalink':
      return context.messages.permalink(
        args,
        workspace ? `https://${workspace.teamId.toLowerCase()}.slack.com/` : FAKE_WORKSPACE_URL,
      );
    case 'chat.postEphemeral':
      return { ok: true, message_ts: context.nextTs() };
    case 'chat.update':
      return {
        ok: true,
        channel: args.channel,
        ts: args.ts,
        text: args.text,
        message: { text: args.text },
      };
    case 'views.open':
    case 'views.publish':
    case 'views.update': {
      const view = (args.view ?? {}) as Record<string, unknown>;
      return {
        ok: true,
        view: {
          id: `V${context.nextTs().replace('.', '')}`,
          team_id: FAKE_TEAM_ID,
          app_id: FAKE_APP_ID,
          bot_id: FAKE_BOT_ID,
          state: { values: {} },
          hash: '1700000000.abcdef',
          ...view,
        },
      };
    }
    case 'files.getUploadURLExternal':
      return context.files.uploadUrl(args, context.base);
    case 'files.completeUploadExternal':
      return context.files.complete(args);
    case 'apps.connections.open':
      if (!context.socketUrl) return { ok: false, error: 'not_allowed_token_type' };
      return { ok: true, url: context.socketUrl() };
    default:
      return { ok: false, error: 'unknown_method' };
  }
}
