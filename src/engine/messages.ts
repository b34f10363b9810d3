/**
 * Every sentence the engine or an adapter shows a candidate, in English and Chinese.
 *
 * The engine returns data (codes, scores, views); adapters (terminal, Discord, Slack) import
 * these functions for the wording, so all platforms say the same thing and a translation is
 * fixed in one place. Use `msg(lang)` for the full table, or the small helpers below it.
 */
import { practiceText } from './practice-messages.ts';
import { replayText } from './replay-wording.ts';
import { EN } from './wording/en.ts';
import type { Messages } from './wording/table.ts';
import { round1 } from './wording/table.ts';
import { ZH } from './wording/zh.ts';
import type { StoredNote } from './score-notes.ts';
import type {
  Action,
  EngineError,
  HireSignal,
  HistoryView,
  Lang,
  Scorecard,
  ScorerKind,
  StatusView,
} from './types.ts';

export type { Messages, ScoreNotes } from './wording/table.ts';
export type { ScoreNote, StoredNote } from './score-notes.ts';

const TABLE: Record<Lang, Messages> = { en: EN, zh: ZH };

/** The wording table for `lang`. */
export function msg(lang: Lang): Messages {
  return TABLE[lang];
}

/** A stage score's note in words: a code in `lang`; an older session's plain sentence as it is. */
export function noteText(note: StoredNote, lang: Lang): string {
  if (typeof note === 'string') return note;
  const word = msg(lang).notes[note.code] as ((n: typeof note) => string) | undefined;
  // A code this version has no words for (a session stored by a newer version, then rolled
  // back): name the code rather than fail the whole reply.
  return word ? word(note) : note.code;
}

/** The sentence to show for an engine error. */
export function describeError(error: EngineError, lang: Lang): string {
  // The union of (code, params) pairs is checked where errors are built; here each code's
  // wording receives the params of that same code.
  const word = TABLE[lang].errors[error.code] as (p: object) => string;
  return word(error.params ?? {});
}

export function actionLabel(action: Action, lang: Lang): string {
  return TABLE[lang].actions[action];
}

export function hireSignalLabel(signal: HireSignal, lang: Lang): string {
  return TABLE[lang].hireSignals[signal];
}

export function scorerLabel(kind: ScorerKind, lang: Lang): string {
  return TABLE[lang].scorers[kind];
}

/** "Stage 2 of 7: Metrics". */
export function stageHeading(number: number, total: number, title: string, lang: Lang): string {
  return TABLE[lang].stageHeading(number, total, title);
}

/** Score as shown everywhere: one decimal, "/4". */
export function formatScore(score: number): string {
  return `${round1(score).toFixed(1)}/4`;
}

/** A stage's score as shown everywhere, or "not enough to judge" when there was too little to grade. */
export function formatStageScore(
  score: { score: number; insufficient?: boolean | undefined },
  lang: Lang,
): string {
  return score.insufficient ? TABLE[lang].notEnoughToJudge : formatScore(score.score);
}

export function formatStatus(view: StatusView, lang: Lang): string {
  return TABLE[lang].statusText(view);
}

/** Plain-text history: one line per interview, then the trend. */
export function formatHistory(view: HistoryView, lang: Lang): string {
  const m = TABLE[lang];
  if (view.entries.length === 0) return m.historyEmpty;
  const lines = view.entries.map((e) => {
    const date = new Date(e.startedAt).toISOString().slice(0, 10);
    const score = e.awaitingSelfRatings
      ? m.historyAwaitingSelfRatings
      : e.overall === null
        ? m.statusLabel[e.status]
        : formatScore(e.overall);
    const drill = e.drill ? ` (${practiceText(lang).drillLabel})` : '';
    return `${date}  ${e.scenarioTitle}${drill}  ${score}`;
  });
  lines.push(m.historyTrend(view.trendDelta, view.trend.length));
  const self = selfTrendLine(view, lang);
  if (self) lines.push(self);
  return lines.join('\n');
}

/** History's self-assessment line: the distance to the score per interview; '' without one. */
export function selfTrendLine(view: HistoryView, lang: Lang): string {
  if (!view.selfGaps) return '';
  const gaps = view.selfGaps.trend.map((g) => g.toFixed(1)).join(' → ');
  return replayText(lang).selfTrend(gaps, view.selfGaps.delta);
}

/** The scorecard's design-mistake lines, for every renderer. */
export function mistakeLines(card: Scorecard): string[] {
  const m = msg(card.lang);
  return (card.mistakes ?? []).map((x) => m.mistakeLine(x.stage, x.title, x.recovered, x.why));
}
