import { describe, expect, it } from 'vitest';
import { actorFor, messageIdFor, sessionIdFor, threadOf } from '../../../src/adapters/slack/ids.ts';
import {
  isFromBotOrSelf,
  isInterviewThread,
  isPersonMessage,
  isThreadReply,
} from '../../../src/adapters/slack/predicates.ts';
import {
  boltOptions,
  EVENTS_PATH,
  type SlackConfig,
  selectTransport,
  withTrailingSlash,
} from '../../../src/adapters/slack/transport.ts';
import { boltLogger } from '../../../src/adapters/slack/bolt-logger.ts';
import { pino } from 'pino';

describe('ids', () => {
  it('maps a thread to a session id and back', () => {
    const thread = { teamId: 'T1', channel: 'C2', threadTs: '1700000000.000100' };
    expect(sessionIdFor(thread)).toBe('slack:T1:C2:1700000000.000100');
    expect(threadOf(sessionIdFor(thread))).toEqual(thread);
    expect(threadOf('terminal:abc')).toBeNull();
    expect(threadOf('slack:T1:C2:not-a-ts')).toBeNull();
    expect(actorFor('T1', 'U3')).toBe('slack:T1:U3');
    expect(messageIdFor('T1', 'C2', '1.2')).toBe('slack:T1:C2:1.2');
  });
});

describe('message predicates', () => {
  const reply = {
    type: 'message',
    channel: 'C1',
    user: 'U1',
    text: 'hi',
    ts: '2.0',
    thread_ts: '1.0',
    parent_user_id: 'UBOT',
  };

  it('ignores bots, this app and messages without a person', () => {
    expect(isFromBotOrSelf(reply, 'UBOT')).toBe(false);
    expect(isFromBotOrSelf({ ...reply, bot_id: 'B1' }, 'UBOT')).toBe(true);
    expect(isFromBotOrSelf({ ...reply, subtype: 'bot_message' }, 'UBOT')).toBe(true);
    expect(isFromBotOrSelf({ ...reply, user: 'UBOT' }, 'UBOT')).toBe(true);
    expect(isFromBotOrSelf({ ...reply, user: undefined }, 'UBOT')).toBe(true);
  });

  it('takes new messages only (not edits, deletions or notices)', () => {
    expect(isPersonMessage(reply)).toBe(true);
    expect(isPersonMessage({ ...reply, subtype: 'file_share' })).toBe(true);
    expect(isPersonMessage({ ...reply, subtype: 'thread_broadcast' })).toBe(true);
    expect(isPersonMessage({ ...reply, subtype: 'message_changed' })).toBe(false);
    expect(isPersonMessage({ ...reply, subtype: 'channel_join' })).toBe(false);
  });

  it("knows a reply under this app's message from anything else", () => {
    expect(isThreadReply(reply)).toBe(true);
    expect(isThreadReply({ ...reply, thread_ts: undefined })).toBe(false);
    expect(isThreadReply({ ...reply, thread_ts: '2.0' })).toBe(false); // the parent itself
    expect(isInterviewThread(reply, 'UBOT')).toBe(true);
    expect(isInterviewThread({ ...reply, parent_user_id: 'U2' }, 'UBOT')).toBe(false);
    expect(isInterviewThread({ ...reply, parent_user_id: undefined }, 'UBOT')).toBe(true);
    expect(isInterviewThread({ ...reply, thread_ts: undefined }, 'UBOT')).toBe(false);
  });
});

describe('transport selection', () => {
  const base: SlackConfig = {
    botToken: 'xoxb-1',
    oauth: null,
    signingSecret: undefined,
    appToken: undefined,
    apiUrl: undefined,
    port: 3000,
    connectTimeoutMs: 30_000,
  };
  const logger = boltLogger(pino({ level: 'silent' }));

  it('uses Socket Mode when an app token is set', () => {
    const config = { ...base, appToken: 'xapp-1', signingSecret: 's' };
    const transport = selectTransport(config);
    expect(transport).toEqual({ mode: 'socket', appToken: 'xapp-1' });
    const options = boltOptions({ config, transport, logger });
    expect(options).toMatchObject({ socketMode: true, appToken: 'xapp-1', token: 'xoxb-1' });
    expect(options.signingSecret).toBeUndefined();
  });

  it('uses HTTP mode with the signing secret, acknowledging before the slow work', () => {
    const config = { ...base, signingSecret: 'shh', port: 8080, apiUrl: 'http://127.0.0.1:9/api' };
    const transport = selectTransport(config);
    expect(transport).toEqual({ mode: 'http', signingSecret: 'shh', port: 8080 });
    const options = boltOptions({
      config,
      transport,
      logger,
      clientOptions: { retryConfig: { retries: 0 } },
    });
    expect(options).toMatchObject({
      signingSecret: 'shh',
      processBeforeResponse: false,
      endpoints: EVENTS_PATH,
      deferInitialization: true,
      clientOptions: { slackApiUrl: 'http://127.0.0.1:9/api/', retryConfig: { retries: 0 } },
    });
    expect(options.socketMode).toBeUndefined();
  });

  it('refuses a configuration with neither', () => {
    expect(() => selectTransport(base)).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('adds the trailing slash the Web API client needs', () => {
    expect(withTrailingSlash('https://slack.com/api')).toBe('https://slack.com/api/');
    expect(withTrailingSlash('https://slack.com/api/')).toBe('https://slack.com/api/');
  });
});
