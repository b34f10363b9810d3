/**
 * `npm run cli -- discord-register [--guild ID]`: registers the `/interview` command with
 * Discord. With --guild it is registered for that server only and usable at once (good while
 * setting up); without, globally (every server the bot is in; Discord may take a while to show
 * it). Registering replaces the bot's previous command list, so running it again is safe.
 * Reads DISCORD_TOKEN (and DISCORD_API_URL, for a proxy or the local fake). Prints the invite
 * link with the permissions the bot needs.
 */
import { parseArgs } from 'node:util';
import { DiscordAPIError, REST, Routes } from 'discord.js';
import { type CliCommand, UsageError } from '../../io.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { COMMAND_NAME, commandsJson } from './commands.ts';
import { inviteUrl } from './invite.ts';

const USAGE = 'usage: npm run cli -- discord-register [--guild ID]';

function parseOptions(argv: string[]): { guild: string | undefined } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { guild: { type: 'string' } },
      strict: true,
    });
    if (values.guild !== undefined && !/^\d{15,25}$/.test(values.guild)) {
      throw new UsageError(
        `discord-register: --guild takes a server id (digits), got "${values.guild}"\n${USAGE}`,
      );
    }
    return { guild: values.guild };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`discord-register: ${(error as Error).message}\n${USAGE}`);
  }
}

export const registerCommand: CliCommand = async (argv, io) => {
  const { guild } = parseOptions(argv);
  let discord: ReturnType<typeof loadConfig>['discord'];
  try {
    discord = loadConfig(io.env).discord;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return 1;
  }
  if (!discord) {
    io.stderr.write(
      'discord-register: DISCORD_TOKEN is not set (the bot token from the Developer Portal)\n',
    );
    return 1;
  }
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  try {
    const application = (await rest.get(Routes.currentApplication())) as {
      id: string;
      name?: string;
    };
    const route = guild
      ? Routes.applicationGuildCommands(application.id, guild)
      : Routes.applicationCommands(application.id);
    const registered = (await rest.put(route, { body: commandsJson() })) as { name: string }[];
    const names = registered.map((c) => `/${c.name}`).join(', ') || `/${COMMAND_NAME}`;
    io.stdout.write(
      guild
        ? `Registered ${names} for server ${guild} (${application.name ?? application.id}); usable now.\n`
        : `Registered ${names} globally for ${application.name ?? application.id}; Discord may take a few minutes to show it everywhere.\n`,
    );
    io.stdout.write(`Invite the bot to a server with: ${inviteUrl(application.id)}\n`);
    return 0;
  } catch (error) {
    const reason =
      error instanceof DiscordAPIError
        ? error.status === 401
          ? 'Discord refused the token (DISCORD_TOKEN): copy the bot token again from the Developer Portal'
          : `Discord answered ${error.status}: ${error.message}`
        : (error as Error).message;
    io.stderr.write(`discord-register failed: ${reason}\n`);
    return 1;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
};
