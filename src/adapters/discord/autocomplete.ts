/**
 * Autocomplete for `/interview start scenario:` — the engine's scenario search over ids,
 * titles and tags. Autocomplete cannot be deferred, but the search is in memory and instant.
 */
import type { AutocompleteInteraction } from 'discord.js';
import type { BotContext } from './context.ts';
import { truncate } from './embed-limits.ts';
import { langFromLocale } from './wording.ts';

/** Discord shows at most 25 choices, each name and value at most 100 characters. */
const MAX_CHOICES = 25;
const CHOICE_LIMIT = 100;

export async function answerScenarioAutocomplete(
  interaction: AutocompleteInteraction,
  context: BotContext,
): Promise<void> {
  const lang = langFromLocale(interaction.locale);
  const typed = String(interaction.options.getFocused());
  const choices = context.app.engine.findScenarios(typed, lang, MAX_CHOICES).map((scenario) => ({
    name: truncate(`${scenario.title[lang]} (${scenario.id})`, CHOICE_LIMIT),
    value: scenario.id.slice(0, CHOICE_LIMIT),
  }));
  await interaction.respond(choices);
}
