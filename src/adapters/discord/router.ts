/**
 * Interaction routing: named predicates pick the one handler for an interaction; anything
 * that matches none (another bot's command, a stale component) is left alone. Handled
 * interactions run as tracked turns, so shutdown waits for them.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
} from 'discord.js';
import { answerScenarioAutocomplete } from './autocomplete.ts';
import { handleInterviewButton, handleRatingButton } from './buttons.ts';
import { COMMAND_NAME, OPTION } from './commands.ts';
import type { BotContext } from './context.ts';
import { parseButtonCustomId, parseRatingCustomId } from './ids.ts';
import { NO_MENTIONS } from './send.ts';
import { handleInterviewCommand } from './slash-commands.ts';
import { discordWording, langFromLocale } from './wording.ts';

export function isScenarioAutocomplete(
  interaction: Interaction,
): interaction is AutocompleteInteraction {
  return (
    interaction.isAutocomplete() &&
    interaction.commandName === COMMAND_NAME &&
    interaction.options.getFocused(true).name === OPTION.scenario
  );
}

export function isInterviewCommand(
  interaction: Interaction,
): interaction is ChatInputCommandInteraction {
  return interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME;
}

export function isInterviewButton(interaction: Interaction): interaction is ButtonInteraction {
  return interaction.isButton() && parseButtonCustomId(interaction.customId) !== null;
}

export function isRatingButton(interaction: Interaction): interaction is ButtonInteraction {
  return interaction.isButton() && parseRatingCustomId(interaction.customId) !== null;
}

interface Route {
  name: string;
  /** The handler's work for `interaction` when the predicate matches; null when it does not. */
  bind: (interaction: Interaction, context: BotContext) => (() => Promise<void>) | null;
}

/** Pairs a type-narrowing predicate with the handler for that interaction type. */
function route<I extends Interaction>(
  name: string,
  matches: (interaction: Interaction) => interaction is I,
  handle: (interaction: I, context: BotContext) => Promise<void>,
): Route {
  return {
    name,
    bind: (interaction, context) =>
      matches(interaction) ? () => handle(interaction, context) : null,
  };
}

const ROUTES: Route[] = [
  route('scenario autocomplete', isScenarioAutocomplete, answerScenarioAutocomplete),
  route('/interview', isInterviewCommand, handleInterviewCommand),
  route('interview button', isInterviewButton, handleInterviewButton),
  route('self-assessment button', isRatingButton, handleRatingButton),
];

export async function routeInteraction(
  interaction: Interaction,
  context: BotContext,
): Promise<void> {
  let matched: { name: string; work: () => Promise<void> } | null = null;
  for (const route of ROUTES) {
    const work = route.bind(interaction, context);
    if (work) {
      matched = { name: route.name, work };
      break;
    }
  }
  if (!matched) return;
  if (!context.turns.accepting) {
    // Shutting down: say so rather than let the interaction time out.
    if (interaction.isRepliable()) {
      await interaction
        .reply({
          content: discordWording(langFromLocale(interaction.locale)).shuttingDown,
          flags: MessageFlags.Ephemeral,
          allowedMentions: NO_MENTIONS,
        })
        .catch(() => {});
    }
    return;
  }
  try {
    await context.turns.track(matched.work);
  } catch (error) {
    context.logger.error(
      {
        err: error,
        route: matched.name,
        interactionId: interaction.id,
        userId: interaction.user.id,
      },
      'discord interaction failed',
    );
  }
}
