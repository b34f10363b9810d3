/**
 * Finding scenarios by what a person typed: autocomplete (Discord, Slack, the terminal picker)
 * and "did you mean" suggestions for an unknown scenario id.
 */
import type { Scenario } from '../knowledge/schema.ts';
import type { EngineError, Lang } from './types.ts';

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

/** Edit distance (insertions, deletions, substitutions), for "did you mean". */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

function haystacks(scenario: Scenario, lang: Lang): string[] {
  return [scenario.id, scenario.title[lang], scenario.title.en, ...scenario.tags].map(fold);
}

/**
 * Scenarios whose id, title (in `lang` or English) or tags contain `query`; ids and titles
 * that start with it first. An empty query lists all. At most `limit` (Discord shows 25).
 */
export function searchScenarios(
  scenarios: readonly Scenario[],
  query: string,
  lang: Lang,
  limit = 25,
): Scenario[] {
  const q = fold(query);
  if (q === '') return scenarios.slice(0, limit);
  const ranked: { scenario: Scenario; rank: number }[] = [];
  for (const scenario of scenarios) {
    const texts = haystacks(scenario, lang);
    if (texts.some((t) => t.startsWith(q))) ranked.push({ scenario, rank: 0 });
    else if (texts.some((t) => t.includes(q))) ranked.push({ scenario, rank: 1 });
  }
  ranked.sort((a, b) => a.rank - b.rank || a.scenario.id.localeCompare(b.scenario.id));
  return ranked.slice(0, limit).map((r) => r.scenario);
}

/**
 * Up to `limit` scenario ids close to an unknown `id`: containing it (or contained in it), or
 * within an edit distance of about a third of its length (typos like "youtube-recomendation").
 */
export function suggestScenarioIds(
  scenarios: readonly Scenario[],
  id: string,
  limit = 3,
): string[] {
  const q = fold(id);
  if (q === '') return [];
  const maxDistance = Math.max(2, Math.floor(q.length / 3));
  const close = scenarios
    .map((s) => ({
      id: s.id,
      distance: s.id.includes(q) || q.includes(s.id) ? 0 : editDistance(q, s.id),
    }))
    .filter((c) => c.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .map((c) => c.id);
  if (close.length > 0) return close.slice(0, limit);
  // Nothing close: ids sharing a word with what was typed ("fraud" → "fraud-detection").
  const words = q.split(/[^a-z0-9]+/).filter((w) => w.length >= 3);
  return scenarios
    .filter((s) => words.some((w) => s.id.includes(w)))
    .map((s) => s.id)
    .slice(0, limit);
}

/** The `unknown-scenario` error for `id`, with the closest ids as suggestions. */
export function unknownScenarioError(scenarios: readonly Scenario[], id: string): EngineError {
  const suggestions = suggestScenarioIds(scenarios, id);
  return { code: 'unknown-scenario', params: { id, suggestions: suggestions.join(', ') } };
}
