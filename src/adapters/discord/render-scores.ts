/**
 * Scores as Discord embeds: the scorecard (summary with one field per stage, then strengths,
 * gaps and next steps) and coach-mode stage feedback. Embeds are built whole here and cut to
 * Discord's limits by `fitEmbed` / `packEmbeds` (embed-limits.ts), never by hand.
 */
import { CHECKS_TITLE, checkLines } from '../../engine/check-lines.ts';
import type { APIEmbed, APIEmbedField } from 'discord.js';
import {
  formatScore,
  formatStageScore,
  hireSignalLabel,
  msg,
  noteText,
  scorerLabel,
} from '../../engine/messages.ts';
import { gapLines, type ReplayLink, replayMistakeLines } from '../../engine/replay.ts';
import { replayText } from '../../engine/replay-wording.ts';
import { selfAssessmentLines } from '../../engine/self-assessment.ts';
import type { Lang, Level, Scorecard, StageScore } from '../../engine/types.ts';
import { EMBED_LIMITS, fitEmbed, truncate } from './embed-limits.ts';
import { splitMessage } from './split-text.ts';

/** Embed colors by level, red to green, so a glance tells how it went. */
const LEVEL_COLORS: Record<Level, number> = {
  1: 0xd9534f,
  2: 0xf0ad4e,
  3: 0x5bc0de,
  4: 0x5cb85c,
};
const NEUTRAL_COLOR = 0x99aab5;

function bullets(items: readonly string[], none: string): string {
  return items.length > 0 ? items.map((item) => `• ${item}`).join('\n') : none;
}

function stageField(stage: Scorecard['stages'][number], lang: Lang): APIEmbedField {
  const m = msg(lang);
  // The score (or "not reached") must survive a cut, so only the title is shortened.
  const named = (suffix: string) =>
    `${truncate(stage.title, EMBED_LIMITS.fieldName - suffix.length)}${suffix}`;
  if (!stage.score) return { name: named(` — ${m.notReached}`), value: '—' };
  const lines = stage.score.criteria.map(
    (c) => `${c.name ?? c.id}: ${c.level}/4 (${m.levels[c.level]})`,
  );
  if (lines.length === 0 && stage.score.feedback) lines.push(stage.score.feedback);
  if (stage.hintsUsed > 0) lines.push(`${m.hints}: ${stage.hintsUsed}`);
  return {
    name: named(` — ${formatStageScore(stage.score, lang)}`),
    value: lines.join('\n') || m.notAnswered,
  };
}

/**
 * The scorecard as embeds, each within Discord's per-embed limits (pack them into messages).
 * `link`: the way back to the message behind each gap and mistake (replay-links.ts).
 */
export function scorecardEmbeds(
  card: Scorecard,
  lang: Lang,
  link: ReplayLink = () => null,
): APIEmbed[] {
  const m = msg(lang);
  const summary = [
    `**${m.overall}:** ${formatScore(card.overall)} (${m.levels[card.level]})`,
    `**${m.hireSignal}:** ${hireSignalLabel(card.hireSignal, lang)}`,
    `**${m.hints}:** ${card.hintsUsed} · **${m.time}:** ${m.duration(card.durationMs)}`,
    `**${m.scoredBy}:** ${card.scorers.map((s) => scorerLabel(s, lang)).join(', ') || m.none}`,
  ].join('\n');
  const color = LEVEL_COLORS[card.level];
  const embeds: APIEmbed[] = [
    {
      title: `${m.scorecardTitle} — ${card.scenarioTitle}`,
      description: summary,
      color,
      fields: card.stages.map((stage) => stageField(stage, lang)),
    },
    { title: m.strengths, description: bullets(card.strengths, m.none), color },
    { title: m.gaps, description: bullets(gapLines(card, link), m.none), color },
    { title: m.nextSteps, description: bullets(card.nextSteps, m.none), color },
  ];
  const mistakes = replayMistakeLines(card, link);
  if (mistakes.length > 0)
    embeds.push({ title: m.mistakes, description: bullets(mistakes, m.none), color });
  const self = selfAssessmentLines(card);
  if (self.length > 0)
    embeds.push({ title: replayText(lang).selfTitle, description: bullets(self, m.none), color });
  if (checkLines(card).length > 0)
    embeds.push({
      title: CHECKS_TITLE[lang],
      description: bullets(checkLines(card), m.none),
      color,
    });
  return embeds.map(fitEmbed);
}

/** Coach-mode feedback on one stage: score, feedback, each criterion with its evidence. */
export function stageFeedbackEmbed(title: string, score: StageScore, lang: Lang): APIEmbed {
  const m = msg(lang);
  const fields: APIEmbedField[] = score.criteria.map((c) => ({
    name: `${c.name ?? c.id} — ${c.level}/4 (${m.levels[c.level]})`,
    value: [c.feedback, ...c.evidence.slice(0, 2).map((quote) => `> ${quote.replace(/\s+/g, ' ')}`)]
      .filter(Boolean)
      .join('\n'),
  }));
  if (score.missedKeyPoints.length > 0)
    fields.push({ name: m.missedKeyPoints, value: bullets(score.missedKeyPoints, m.none) });
  // Notes quote the candidate (wrong ideas), so several can pass a field's 1,024 characters:
  // split where a reader would (between notes first) into as many fields as it takes, never
  // a note cut off by the ones before it.
  const notes = score.notes.map((note) => noteText(note, lang)).join('\n');
  for (const value of splitMessage(notes, EMBED_LIMITS.fieldValue)) {
    fields.push({ name: '\u200b', value });
  }
  return fitEmbed({
    title: `${m.feedback}: ${title} — ${formatStageScore(score, lang)}`,
    description: score.feedback || undefined,
    color: score.criteria.length > 0 ? LEVEL_COLORS[score.level] : NEUTRAL_COLOR,
    fields,
    footer: { text: `${m.scoredBy}: ${scorerLabel(score.scorer, lang)}` },
  });
}
