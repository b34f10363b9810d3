/**
 * Slack's request payloads, shaped as Slack sends them (slash commands and interactivity are
 * form-encoded, the interactivity JSON in a `payload` field; events are JSON), and the request
 * signature: `v0=` + HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret, in
 * `X-Slack-Signature`, with the timestamp in `X-Slack-Request-Timestamp`.
 */
import { createHmac } from 'node:crypto';
import { FAKE_APP_ID, FAKE_BOT_USER_ID, FAKE_TEAM_ID } from './web-api.ts';

export interface SlackRequest {
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  body: string;
}

export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface Person {
  id: string;
  name: string;
}

export function slashCommand(options: {
  user: Person;
  channel: string;
  text: string;
  responseUrl: string;
  triggerId?: string;
  /** The workspace it comes from (default FAKE_TEAM_ID). */
  teamId?: string;
}): SlackRequest {
  const form = new URLSearchParams({
    token: 'verification-token-unused',
    team_id: options.teamId ?? FAKE_TEAM_ID,
    team_domain: 'fake-workspace',
    channel_id: options.channel,
    channel_name: 'interviews',
    user_id: options.user.id,
    user_name: options.user.name,
    command: '/interview',
    text: options.text,
    api_app_id: FAKE_APP_ID,
    is_enterprise_install: 'false',
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? '1700000000.1234.abcdef',
  });
  return { contentType: 'application/x-www-form-urlencoded', body: form.toString() };
}

/** An Events API delivery (`event_callback`) around `event`. */
export function eventCallback(
  event: Record<string, unknown>,
  eventId: string,
  workspace: { teamId: string; botUserId: string } = {
    teamId: FAKE_TEAM_ID,
    botUserId: FAKE_BOT_USER_ID,
  },
): SlackRequest {
  return {
    contentType: 'application/json',
    body: JSON.stringify({
      token: 'verification-token-unused',
      team_id: workspace.teamId,
      context_team_id: workspace.teamId,
      api_app_id: FAKE_APP_ID,
      event,
      type: 'event_callback',
      event_id: eventId,
      event_time: 1_700_000_000,
      authorizations: [
        {
          enterprise_id: null,
          team_id: workspace.teamId,
          user_id: workspace.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: `4-${eventId}`,
    }),
  };
}

/** A person's reply in a thread (`message.channels`). */
export function threadReply(options: {
  user: Person;
  channel: string;
  threadTs: string;
  ts: string;
  text: string;
  parentUserId?: string;
  teamId?: string;
  /** Files shared with the reply (from `FakeSlackWebApi.shareFile`): a `file_share` message. */
  files?: unknown[];
}): Record<string, unknown> {
  return {
    type: 'message',
    ...(options.files ? { subtype: 'file_share', files: options.files, upload: false } : {}),
    client_msg_id: `msg-${options.ts}`,
    text: options.text,
    user: options.user.id,
    ts: options.ts,
    team: options.teamId ?? FAKE_TEAM_ID,
    thread_ts: options.threadTs,
    parent_user_id: options.parentUserId ?? FAKE_BOT_USER_ID,
    channel: options.channel,
    event_ts: options.ts,
    channel_type: options.channel.startsWith('D') ? 'im' : 'channel',
    blocks: [],
  };
}

function interactivity(payload: Record<string, unknown>): SlackRequest {
  return {
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
  };
}

/** A button press (`block_actions`) on a message in a thread. */
export function buttonPress(options: {
  user: Person;
  channel: string;
  messageTs: string;
  threadTs?: string;
  actionId: string;
  value: string;
  responseUrl: string;
}): SlackRequest {
  return interactivity({
    type: 'block_actions',
    user: {
      id: options.user.id,
      username: options.user.name,
      name: options.user.name,
      team_id: FAKE_TEAM_ID,
    },
    api_app_id: FAKE_APP_ID,
    token: 'verification-token-unused',
    container: {
      type: 'message',
      message_ts: options.messageTs,
      channel_id: options.channel,
      is_ephemeral: false,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
    },
    trigger_id: '1700000001.1234.abcdef',
    team: { id: FAKE_TEAM_ID, domain: 'fake-workspace' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: options.channel, name: 'interviews' },
    message: {
      type: 'message',
      user: FAKE_BOT_USER_ID,
      ts: options.messageTs,
      ...(options.threadTs ? { thread_ts: options.threadTs } : {}),
      text: '',
    },
    state: { values: {} },
    response_url: options.responseUrl,
    actions: [
      {
        action_id: options.actionId,
        block_id: 'interview_actions',
        text: { type: 'plain_text', text: options.actionId, emoji: true },
        value: options.value,
        type: 'button',
        action_ts: '1700000001.000001',
      },
    ],
  });
}

/** A button press on the App Home tab. */
export function homeButtonPress(options: {
  user: Person;
  actionId: string;
  value?: string;
}): SlackRequest {
  return interactivity({
    type: 'block_actions',
    user: {
      id: options.user.id,
      username: options.user.name,
      name: options.user.name,
      team_id: FAKE_TEAM_ID,
    },
    api_app_id: FAKE_APP_ID,
    token: 'verification-token-unused',
    container: { type: 'view', view_id: 'VHOME' },
    trigger_id: '1700000002.1234.abcdef',
    team: { id: FAKE_TEAM_ID, domain: 'fake-workspace' },
    is_enterprise_install: false,
    view: {
      id: 'VHOME',
      type: 'home',
      team_id: FAKE_TEAM_ID,
      callback_id: '',
      private_metadata: '',
    },
    actions: [
      {
        action_id: options.actionId,
        block_id: 'home',
        text: { type: 'plain_text', text: 'Start' },
        ...(options.value ? { value: options.value } : {}),
        type: 'button',
        action_ts: '1700000002.000001',
      },
    ],
  });
}

/** A modal's submission (`view_submission`) with the given input values. */
export function viewSubmission(options: {
  user: Person;
  callbackId: string;
  privateMetadata: string;
  values: Record<string, Record<string, unknown>>;
}): SlackRequest {
  return interactivity({
    type: 'view_submission',
    team: { id: FAKE_TEAM_ID, domain: 'fake-workspace' },
    user: {
      id: options.user.id,
      username: options.user.name,
      name: options.user.name,
      team_id: FAKE_TEAM_ID,
    },
    api_app_id: FAKE_APP_ID,
    token: 'verification-token-unused',
    trigger_id: '1700000003.1234.abcdef',
    view: {
      id: 'VMODAL',
      team_id: FAKE_TEAM_ID,
      type: 'modal',
      blocks: [],
      private_metadata: options.privateMetadata,
      callback_id: options.callbackId,
      state: { values: options.values },
      hash: '1700000003.abcdef',
      title: { type: 'plain_text', text: 'Mock interview' },
      close: null,
      submit: { type: 'plain_text', text: 'Start' },
      root_view_id: 'VMODAL',
      app_id: FAKE_APP_ID,
      bot_id: 'B0BOT',
    },
    response_urls: [],
    is_enterprise_install: false,
  });
}

/** `app_home_opened` for the Home tab. */
export function appHomeOpened(user: Person): Record<string, unknown> {
  return {
    type: 'app_home_opened',
    user: user.id,
    channel: `D${user.id.slice(1)}`,
    tab: 'home',
    event_ts: '1700000004.000001',
  };
}
