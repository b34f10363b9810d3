/**
 * Bolt's InstallationStore on the app's record store (`RecordStore`: the sqlite file, Redis or
 * PostgreSQL, whichever holds the interviews), so every process serving the app finds the bot
 * token of every workspace that installed it.
 *
 * One record per workspace (`slack-installation:team:<id>`), or per Enterprise Grid org for an
 * org-wide install (`slack-installation:enterprise:<id>`). A reinstall replaces the record (new
 * token, new scopes). Per-user tokens are not kept: the app acts only as its bot.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { RecordStore } from '../../engine/ports.ts';

export class InstallationNotFoundError extends Error {
  override name = 'InstallationNotFoundError';
}

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

function keyFor(scope: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string;
  teamId?: string;
}): string {
  if (scope.isEnterpriseInstall && scope.enterpriseId) {
    return `slack-installation:enterprise:${scope.enterpriseId}`;
  }
  if (scope.teamId) return `slack-installation:team:${scope.teamId}`;
  throw new InstallationNotFoundError('an installation needs a team id or an enterprise id');
}

export class StoredInstallations implements InstallationStore {
  constructor(private readonly records: RecordStore) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const key = keyFor({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    // The installer's own user token is not needed and not kept.
    const { user, ...rest } = installation;
    await this.records.set(key, { ...rest, user: { id: user.id } });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
    const found = await this.records.get<AnyInstallation>(keyFor(query));
    if (!found) {
      throw new InstallationNotFoundError(
        `no Slack installation for ${query.isEnterpriseInstall ? `enterprise ${query.enterpriseId}` : `team ${query.teamId}`}: install the app in that workspace (/slack/install)`,
      );
    }
    return found;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.records.delete(keyFor(query));
  }
}
