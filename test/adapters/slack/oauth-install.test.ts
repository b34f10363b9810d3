/**
 * Many workspaces, one deployment: Bolt's OAuth install flow (real Bolt in HTTP mode, its
 * InstallProvider and WebClient pointed at the fake Slack API, which implements
 * oauth.v2.access). An admin opens /slack/install, is sent to Slack's consent page with a signed
 * state, comes back to /slack/oauth_redirect with a code; the installation (the workspace's bot
 * token) is stored in the app's store; events from two workspaces are then each authorised and
 * answered with their own workspace's token.
 */
import path from 'node:path';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSlackApp, startSlackApp } from '../../../src/adapters/slack/index.ts';
import { StoredInstallations } from '../../../src/adapters/slack/installations.ts';
import { type App, createApp } from '../../../src/app.ts';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import { createStore } from '../../../src/store/index.ts';
import { eventCallback, slashCommand, threadReply } from '../../fakes/slack/payloads.ts';
import { SignedSender } from '../../fakes/slack/sender.ts';
import { type FakeWorkspace, FakeSlackWebApi } from '../../fakes/slack/web-api.ts';
import { deleteNamespace, redisUrl, uniqueNamespace } from '../../store/redis-helpers.ts';

const KNOWLEDGE_DIR = path.resolve(import.meta.dirname, '../../fixtures/knowledge-mini');
const SIGNING_SECRET = 'oauth-signing-secret';
const OAUTH = { clientId: '1234.5678', clientSecret: 'client-secret-xyz' };
const CANDIDATE = { id: 'U0CAND', name: 'cand' };

const workspace = (letter: string): FakeWorkspace => ({
  teamId: `T0TEAM${letter}`,
  teamName: `Team ${letter}`,
  botToken: `xoxb-team-${letter.toLowerCase()}`,
  botUserId: `U0BOT${letter}`,
  botId: `B0BOT${letter}`,
});
const TEAM_A = workspace('A');
const TEAM_B = workspace('B');

let fake: FakeSlackWebApi;
let app: App;
let slack: RunningSlackApp;
let base: string;
let sender: SignedSender;

beforeAll(async () => {
  fake = await new FakeSlackWebApi({
    botToken: 'xoxb-unused-single-workspace',
    oauth: { ...OAUTH, codes: { 'code-a': TEAM_A, 'code-b': TEAM_B } },
  }).start();
  const config = loadConfig({
    SLACK_CLIENT_ID: OAUTH.clientId,
    SLACK_CLIENT_SECRET: OAUTH.clientSecret,
    SLACK_STATE_SECRET: 'state-secret-for-tests',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    KNOWLEDGE_DIR,
  });
  const logger = pino({ level: 'silent' });
  app = await createApp(config, { logger, memoryStore: true });
  slack = await startSlackApp(app, config.slack!, logger, {
    clientOptions: { retryConfig: { retries: 0 } },
    host: '127.0.0.1',
  });
  base = `http://127.0.0.1:${slack.port}`;
  sender = new SignedSender(`${base}/slack/events`, SIGNING_SECRET);
});

afterAll(async () => {
  await slack?.stop();
  await app?.close();
  await fake?.stop();
});

/** The admin's browser: /slack/install → Slack's consent page → back with `code`. */
async function install(code: string): Promise<Response> {
  const start = await fetch(`${base}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const consent = new URL(start.headers.get('location')!);
  expect(consent.searchParams.get('client_id')).toBe(OAUTH.clientId);
  expect(consent.searchParams.get('scope')).toContain('chat:write');
  const state = consent.searchParams.get('state')!;
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;
  return fetch(`${base}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, {
    headers: { cookie },
    redirect: 'manual',
  });
}

async function startIn(team: FakeWorkspace, channel: string): Promise<string> {
  const mark = fake.calls.length;
  const res = await sender.send(
    slashCommand({
      user: CANDIDATE,
      channel,
      text: 'start mini-recsys',
      responseUrl: fake.responseUrl(`start-${team.teamId}`),
      teamId: team.teamId,
    }),
  );
  expect(res.status).toBe(200);
  await slack.idle();
  const root = fake.calls
    .slice(mark)
    .find((c) => c.method === 'chat.postMessage' && c.args.channel === channel);
  expect(root, `the start message is posted in ${team.teamName}`).toBeDefined();
  expect(root!.token).toBe(team.botToken);
  return root!.response!.ts as string;
}

describe('Slack OAuth install flow (many workspaces)', () => {
  it('refuses a callback without the state cookie it set (a forged install)', async () => {
    const res = await fetch(`${base}/slack/oauth_redirect?code=code-a&state=forged`, {
      redirect: 'manual',
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await app.records.get('slack-installation:team:T0TEAMA')).toBeNull();
  });

  it('stores each installation, then answers each workspace with its own token', async () => {
    const installedA = await install('code-a');
    expect(installedA.status).toBe(200);
    expect(fake.callsOf('oauth.v2.access').at(-1)?.args.code).toBe('code-a');
    expect((await install('code-b')).status).toBe(200);

    const store = new StoredInstallations(app.records);
    const a = await store.fetchInstallation({
      teamId: TEAM_A.teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false,
    });
    expect(a.bot).toMatchObject({ token: TEAM_A.botToken, userId: TEAM_A.botUserId });
    expect(a.team?.id).toBe(TEAM_A.teamId);

    const threadA = await startIn(TEAM_A, 'C0ALPHA');
    const threadB = await startIn(TEAM_B, 'C0BRAVO');

    // An answer in each workspace's thread: authorised by that workspace's installation.
    for (const [team, channel, threadTs] of [
      [TEAM_A, 'C0ALPHA', threadA],
      [TEAM_B, 'C0BRAVO', threadB],
    ] as const) {
      const mark = fake.calls.length;
      const ts = `1700000100.0000${team.teamId.at(-1) === 'A' ? 1 : 2}`;
      const res = await sender.send(
        eventCallback(
          threadReply({
            user: CANDIDATE,
            channel,
            threadTs,
            ts,
            text: 'We optimise long-term watch time.',
            parentUserId: team.botUserId,
            teamId: team.teamId,
          }),
          `Ev-${team.teamId}`,
          team,
        ),
      );
      expect(res.status).toBe(200);
      await slack.idle();
      const posts = fake.calls
        .slice(mark)
        .filter((c) => c.method === 'chat.postMessage' && c.args.thread_ts === threadTs);
      expect(posts.length, `a reply in ${team.teamName}'s thread`).toBeGreaterThan(0);
      expect(new Set(posts.map((p) => p.token))).toEqual(new Set([team.botToken]));
    }
  });

  it('answers nothing for a workspace that never installed the app', async () => {
    const mark = fake.calls.length;
    const stranger = workspace('Z');
    await sender.send(
      eventCallback(
        threadReply({
          user: CANDIDATE,
          channel: 'C0ZULU',
          threadTs: '1700000000.000001',
          ts: '1700000200.000001',
          text: 'hello',
          teamId: stranger.teamId,
        }),
        'Ev-stranger',
        stranger,
      ),
    );
    await slack.idle();
    expect(fake.calls.slice(mark).filter((c) => c.method === 'chat.postMessage')).toEqual([]);
  });
});

describe('OAuth settings', () => {
  const oauthEnv = {
    SLACK_CLIENT_ID: '1.2',
    SLACK_CLIENT_SECRET: 's',
    SLACK_STATE_SECRET: 'st',
    SLACK_SIGNING_SECRET: 'sig',
  };

  it('reads the OAuth settings, with the manifest scopes by default', () => {
    const slackConfig = loadConfig(oauthEnv).slack!;
    expect(slackConfig.botToken).toBeUndefined();
    expect(slackConfig.oauth?.scopes).toEqual([
      'commands',
      'chat:write',
      'channels:history',
      'groups:history',
      'im:history',
      'files:write',
      'files:read',
    ]);
  });

  it('says what is missing or conflicting', () => {
    expect(() => loadConfig({ SLACK_CLIENT_ID: '1.2' })).toThrow(
      /SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SLACK_SIGNING_SECRET are not/,
    );
    expect(() => loadConfig({ ...oauthEnv, SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...oauthEnv, SLACK_APP_TOKEN: 'xapp-1' })).toThrow(/HTTP mode/);
  });
});

describe.skipIf(!redisUrl)(
  'installations shared by processes on one Redis (needs REDIS_URL)',
  () => {
    it('finds in one store handle what another stored, and forgets it when deleted', async () => {
      const namespace = uniqueNamespace('installs');
      const [one, two] = await Promise.all([
        createStore({ redisUrl, namespace }),
        createStore({ redisUrl, namespace }),
      ]);
      try {
        const query = { teamId: 'T0SHARED', enterpriseId: undefined, isEnterpriseInstall: false };
        await new StoredInstallations(one.records).storeInstallation({
          team: { id: 'T0SHARED', name: 'Shared' },
          enterprise: undefined,
          user: { id: 'U0ADMIN', token: 'xoxp-not-kept', scopes: undefined },
          bot: { id: 'B1', userId: 'U0B', token: 'xoxb-shared', scopes: ['chat:write'] },
          isEnterpriseInstall: false,
          authVersion: 'v2',
        });
        const other = new StoredInstallations(two.records);
        const found = await other.fetchInstallation(query);
        expect(found.bot?.token).toBe('xoxb-shared');
        expect(found.user.token).toBeUndefined();
        await other.deleteInstallation(query);
        await expect(other.fetchInstallation(query)).rejects.toThrow(/install the app/);
      } finally {
        await Promise.all([one.close(), two.close()]);
        const admin = new Redis(redisUrl!);
        await deleteNamespace(admin, namespace);
        await admin.quit();
      }
    });
  },
);
