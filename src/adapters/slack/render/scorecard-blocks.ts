/**
 * The scorecard as one Block Kit message: within 50 blocks and 3,000 characters a section, so
 * Slack accepts it however long the interview was. Details beyond that live in the export.
 */
import { formatScore, formatStageScore, hireSignalLabel, msg } from '../../../engine/messages.ts';
import { gapLines, type ReplayLink, replayMistakeLines } from '../../../engine/replay.ts';
import { replayText } from '../../../engine/replay-wording.ts';
import { selfAssessmentLines } from '../../../engine/self-assessment.ts';
import type { Lang, Scorecard } from '../../../engine/types.ts';
import { escapeMrkdwn as esc } from '../mrkdwn.ts';
import { slackText } from '../text.ts';
import {
  type Block,
  context,
  divider,
  fallbackText,
  fields,
  fitBlocks,
  header,
  section,
  sections,
} from './blocks.ts';
import { LIMITS } from './limits.ts';
import { stageScoreLines, stageScoreTitle } from './stage-score.ts';

/** Items shown per list (strengths, gaps, next steps). */
const LIST_ITEMS = 5;

function bulletList(title: string, items: string[]): Block[] {
  return markupList(title, items.map(esc));
}

/** A list whose items are mrkdwn already (escaped text followed by a replay link). */
function markupList(title: string, items: string[]): Block[] {
  if (items.length === 0) return [];
  return sections([`*${title}*`, ...items.slice(0, LIST_ITEMS).map((i) => `• ${i}`)].join('\n'));
}

export interface RenderedMessage {
  /** Notification text, escaped. */
  text: string;
  blocks: Block[];
}

/** `link`: each gap's and mistake's way back to its message (replay-links.ts). */
export function scorecardMessage(
  card: Scorecard,
  lang: Lang,
  link: ReplayLink = () => null,
): RenderedMessage {
  const m = msg(lang);
  const overall = `${formatScore(card.overall)} (${m.levels[card.level]})`;
  const table = card.stages.map((stage, index) => {
    const score = stage.score ? formatStageScore(stage.score, lang) : `_${m.notReached}_`;
    return `${index + 1}. *${esc(stage.title)}* — ${score} · ${m.hints} ${stage.hintsUsed} · ${m.duration(stage.durationMs)}`;
  });

  const blocks: Block[] = [
    header(`${m.scorecardTitle} — ${card.scenarioTitle}`),
    fields([
      [m.overall, overall],
      [m.hireSignal, esc(hireSignalLabel(card.hireSignal, lang))],
      [m.hints, String(card.hintsUsed)],
      [m.time, m.duration(card.durationMs)],
    ]),
    ...sections(table.join('\n')),
    divider(),
  ];
  for (const stage of card.stages) {
    if (!stage.score) continue;
    const lines = [stageScoreTitle(stage.title, stage.score, lang)];
    if (stage.score.feedback) lines.push(esc(stage.score.feedback));
    lines.push(...stageScoreLines(stage.score, lang));
    // One section per stage: a very long stage is shortened, not split, to save blocks.
    blocks.push(section(lines.join('\n')));
  }
  blocks.push(
    ...bulletList(m.strengths, card.strengths),
    ...markupList(m.gaps, gapLines(card, link, esc)),
    ...bulletList(m.nextSteps, card.nextSteps),
    ...markupList(m.mistakes, replayMistakeLines(card, link, esc)),
    ...bulletList(replayText(lang).selfTitle, selfAssessmentLines(card)),
    context(`${m.scoredBy}: ${card.scorers.map((s) => m.scorers[s]).join(', ')}`),
  );
  return {
    text: fallbackText([
      `${esc(m.scorecardTitle)} — ${esc(card.scenarioTitle)}: ${m.overall} ${overall}, ${esc(hireSignalLabel(card.hireSignal, lang))}`,
    ]),
    blocks: fitBlocks(blocks, LIMITS.messageBlocks, slackText(lang).moreInExport),
  };
}
