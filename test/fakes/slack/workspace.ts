/**
 * Who the fake Slack is: the workspace FAKE_TEAM_ID with its bot and app ids, and the shape of
 * further workspaces the app is (or gets) installed in.
 */
export const FAKE_TEAM_ID = 'T0FAKE';
export const FAKE_BOT_USER_ID = 'U0BOT';
export const FAKE_BOT_ID = 'B0BOT';
export const FAKE_APP_ID = 'A0APP';
/** auth.test's workspace URL for FAKE_TEAM_ID; permalinks start with it. */
export const FAKE_WORKSPACE_URL = 'https://fake-workspace.slack.com/';

/** A workspace the app is (or gets) installed in, with its own bot token. */
export interface FakeWorkspace {
  teamId: string;
  teamName: string;
  botToken: string;
  botUserId: string;
  botId: string;
}
