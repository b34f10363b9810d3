/**
 * The App Home tab: a start button, the user's past interviews with their per-stage scores,
 * the overall trend and each stage's scores over time. Within the 100-block limit of a view.
 */
import type { types } from '@slack/bolt';
import { formatScore, msg, selfTrendLine } from '../../../engine/messages.ts';
import type { HistoryEntry, HistoryView, Lang, StageId } from '../../../engine/types.ts';
import { escapeMrkdwn as esc } from '../mrkdwn.ts';
import { slackText } from '../text.ts';
import { type Block, context, divider, header, section } from './blocks.ts';

export const HOME_START_ACTION_ID = 'home_start';

/** Interviews listed; older ones are counted, not shown. */
const ENTRIES_SHOWN = 20;
/** Scores per stage shown in the stage trends (the latest ones). */
const TREND_POINTS = 6;

const round1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

function arrow(delta: number): string {
  if (delta > 0.05) return '↑';
  if (delta < -0.05) return '↓';
  return '→';
}

/**
 * Each stage's scores over the finished interviews, oldest first (only stages scored at
 * least once), in the order they first appear.
 */
export function stageTrends(
  entries: readonly HistoryEntry[],
): { stage: StageId; scores: number[] }[] {
  const byStage = new Map<StageId, number[]>();
  const oldestFirst = entries.filter((e) => e.status === 'finished').reverse();
  for (const entry of oldestFirst) {
    for (const [stage, score] of Object.entries(entry.stageScores) as [StageId, number][]) {
      const list = byStage.get(stage) ?? [];
      list.push(score);
      byStage.set(stage, list);
    }
  }
  return [...byStage.entries()].map(([stage, scores]) => ({ stage, scores }));
}

function entryBlock(entry: HistoryEntry, lang: Lang, titles: HistoryView['stageTitles']): Block {
  const m = msg(lang);
  const date = new Date(entry.startedAt).toISOString().slice(0, 10);
  const overall = entry.awaitingSelfRatings
    ? ` · ${m.historyAwaitingSelfRatings}`
    : entry.overall === null
      ? ''
      : ` · *${formatScore(entry.overall)}*`;
  const stages = (Object.entries(entry.stageScores) as [StageId, number][])
    .map(([stage, score]) => `${esc(titles[stage] ?? stage)} ${round1(score)}`)
    .join(' · ');
  const lines = [
    `*${esc(entry.scenarioTitle)}* — ${date} · ${m.statusLabel[entry.status]}${overall}`,
  ];
  if (stages) lines.push(stages);
  return section(lines.join('\n'));
}

function trendLine(scores: readonly number[]): string {
  const shown = scores.slice(-TREND_POINTS).map(round1).join(' → ');
  if (scores.length < 2) return shown;
  const delta = scores[scores.length - 1]! - scores[0]!;
  return `${shown} ${arrow(delta)}`;
}

export function homeView(history: HistoryView, lang: Lang): types.HomeView {
  const t = slackText(lang).home;
  const m = msg(lang);
  const blocks: Block[] = [
    header(t.title),
    {
      type: 'section',
      text: { type: 'mrkdwn', text: t.intro },
      accessory: {
        type: 'button',
        action_id: HOME_START_ACTION_ID,
        style: 'primary',
        text: { type: 'plain_text', text: t.start },
        // The dialog opens in the language the Home tab is shown in.
        value: lang,
      },
    },
    divider(),
    header(t.past),
  ];
  if (history.entries.length === 0) {
    blocks.push(section(t.none));
  } else {
    if (history.trend.length > 0) {
      blocks.push(
        section(
          `*${t.trend}:* ${trendLine(history.trend)}\n${esc(m.historyTrend(history.trendDelta, history.trend.length))}`,
        ),
      );
    }
    const self = selfTrendLine(history, lang);
    if (self) blocks.push(section(esc(self)));
    const trends = stageTrends(history.entries);
    if (trends.length > 0) {
      const lines = trends.map(
        ({ stage, scores }) => `${esc(history.stageTitles[stage] ?? stage)}: ${trendLine(scores)}`,
      );
      blocks.push(section(`*${t.stageTrends}*\n${lines.join('\n')}`));
    }
    blocks.push(divider());
    for (const entry of history.entries.slice(0, ENTRIES_SHOWN)) {
      blocks.push(entryBlock(entry, lang, history.stageTitles));
    }
    const hidden = history.entries.length - ENTRIES_SHOWN;
    if (hidden > 0) blocks.push(context(t.more(hidden)));
  }
  return { type: 'home', blocks };
}
