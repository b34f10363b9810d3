/**
 * Progress as text, for the terminal's history: one row per stage with a sparkline of its
 * scores over time (oldest left, on the fixed 1–4 scale, so rows compare), the first and latest
 * score and how many. The picture without an image viewer; the PNG chart is beside the export.
 */
import Table from 'cli-table3';
import sparkly from 'sparkly';
import { formatScore } from '../../engine/messages.ts';
import type { HistoryView, Lang } from '../../engine/types.ts';
import { STAGE_IDS } from '../../engine/types.ts';

/** Scores shown per stage (the newest); the history holds up to 50 sessions. */
export const SPARK_POINTS = 20;

const HEADINGS: Record<Lang, { title: string; scores: (n: number) => string }> = {
  en: {
    title: 'Progress by stage (oldest → latest, 1–4)',
    scores: (n) => `${n} score${n === 1 ? '' : 's'}`,
  },
  zh: { title: '各阶段进步（从早到近，1–4 分）', scores: (n) => `${n} 次得分` },
};

/** Per-stage sparklines of `history`; empty when no stage has a score. */
export function progressText(history: HistoryView, lang: Lang): string {
  // Entries are newest first; a line reads left to right in time.
  const chronological = [...history.entries].reverse();
  const table = new Table({
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 },
  });
  for (const stage of STAGE_IDS) {
    const scores = chronological
      .map((e) => e.stageScores[stage])
      .filter((s): s is number => s !== undefined)
      .slice(-SPARK_POINTS);
    if (scores.length === 0) continue;
    const first = formatScore(scores[0]!);
    const last = formatScore(scores.at(-1)!);
    table.push([
      history.stageTitles[stage],
      sparkly(scores, { minimum: 1, maximum: 4 }),
      scores.length > 1 ? `${first} → ${last}` : last,
      HEADINGS[lang].scores(scores.length),
    ]);
  }
  if (table.length === 0) return '';
  return `${HEADINGS[lang].title}\n${table.toString()}`;
}
