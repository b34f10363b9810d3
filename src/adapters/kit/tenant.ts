/**
 * The team a request comes from, for per-team budgets (`EngineRequest.tenant`): one Slack
 * workspace or one Discord server. Prefixed by platform so ids of the two never meet.
 * Direct messages outside a server have no team: only the candidate's own budget applies.
 */
export function slackTenant(teamId: string): string {
  return `slack:${teamId}`;
}

export function discordTenant(guildId: string | null | undefined): string | undefined {
  return guildId ? `discord:${guildId}` : undefined;
}
