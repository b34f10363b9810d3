/** One stage's score as mrkdwn lines: criteria with levels, evidence, missed points, notes. */
import { formatStageScore, msg, noteText } from '../../../engine/messages.ts';
import type { Lang, StageScore } from '../../../engine/types.ts';
import { escapeMrkdwn as esc } from '../mrkdwn.ts';

/** Evidence quotes shown per criterion; the export has them all. */
const QUOTES_PER_CRITERION = 1;
const QUOTE_CHARS = 200;

function shortQuote(quote: string): string {
  return quote.length <= QUOTE_CHARS ? quote : `${quote.slice(0, QUOTE_CHARS - 1)}…`;
}

export function stageScoreLines(score: StageScore, lang: Lang): string[] {
  const m = msg(lang);
  const lines: string[] = [];
  for (const criterion of score.criteria) {
    const name = criterion.name ?? criterion.id;
    const feedback = criterion.feedback ? ` — ${esc(criterion.feedback)}` : '';
    lines.push(`• *${esc(name)}* ${criterion.level}/4 (${m.levels[criterion.level]})${feedback}`);
    for (const quote of criterion.evidence.slice(0, QUOTES_PER_CRITERION)) {
      lines.push(`    _${m.evidence}:_ “${esc(shortQuote(quote))}”`);
    }
  }
  if (score.missedKeyPoints.length > 0) {
    lines.push(`_${m.missedKeyPoints}:_ ${score.missedKeyPoints.map(esc).join('; ')}`);
  }
  for (const note of score.notes) lines.push(`_${esc(noteText(note, lang))}_`);
  return lines;
}

export function stageScoreTitle(title: string, score: StageScore, lang: Lang): string {
  return `*${esc(title)} — ${formatStageScore(score, lang)}* · _${msg(lang).scorers[score.scorer]}_`;
}
