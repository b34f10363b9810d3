/**
 * Cleaning and capping the candidate's words. The transcript keeps every character the
 * candidate sent (minus control characters); what the interviewer and the scorer read is capped
 * per stage, so one pasted novel cannot blow a token budget or drown a stage's score.
 */
import type { Turn } from './types.ts';

/** How many characters of a stage's answers the interviewer and the scorer read. */
export const STAGE_TEXT_CAP = 12_000;

// Terminal escape sequences (colours, cursor moves) first, so no "[31m" residue is left.
const ANSI_ESCAPE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-_]/g;
// C0 controls except tab and newline, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Strip control characters (keeping newlines and tabs) and normalise line ends. */
export function cleanAnswer(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ANSI_ESCAPE, '').replace(CONTROL, '');
}

export function isBlank(text: string): boolean {
  return text.trim().length === 0;
}

/** The candidate's words in these turns, joined with blank lines. */
export function candidateText(turns: readonly Turn[]): string {
  return turns
    .filter((t) => t.role === 'candidate')
    .map((t) => t.text)
    .join('\n\n');
}

/**
 * The same turns with candidate text cut so the candidate's words total at most `cap`
 * characters (later candidate turns become empty once the cap is reached).
 */
export function capCandidateTurns(turns: readonly Turn[], cap = STAGE_TEXT_CAP): Turn[] {
  let left = cap;
  return turns.map((turn) => {
    if (turn.role !== 'candidate') return turn;
    if (turn.text.length <= left) {
      left -= turn.text.length;
      return turn;
    }
    const text = turn.text.slice(0, left);
    left = 0;
    return { ...turn, text };
  });
}

/** `text` cut to `cap` characters, and whether it was cut. */
export function capText(text: string, cap = STAGE_TEXT_CAP): { text: string; capped: boolean } {
  return text.length <= cap ? { text, capped: false } : { text: text.slice(0, cap), capped: true };
}
