/**
 * Replay: which message of the transcript a scorecard gap or mistake comes from, and the
 * scorecard's lines with a way back to it. The engine stores a platform-neutral `TurnRef` (the
 * turn's number and the platform's message id, when the adapter gave one); each adapter turns
 * a reference into its own link (`ReplayLink`): a Discord message link, a Slack permalink, a
 * turn number in the terminal and the export.
 *
 * Which turn (documented in docs/adapters.md):
 * - a weak criterion: the candidate's message holding its first evidence quote;
 * - a sentence read as a wrong idea: the candidate's message holding it;
 * - a missed key point, or a weak criterion with no quote: the stage's main answer, the
 *   candidate's longest message in that stage (a point is missed in the answer, not in a
 *   short clarifying question), the earliest of equals;
 * - a design mistake: the message that made it (recorded when it was challenged).
 */
import { isVerbatimQuote } from '../knowledge/signals.ts';
import { msg } from './messages.ts';
import { replayText } from './replay-wording.ts';
import type { Scorecard, Session, StageId, TurnRef } from './types.ts';

/** An adapter's link for a reference, as its markup writes it; null: say the turn number. */
export type ReplayLink = (ref: TurnRef) => string | null;

function refAt(session: Readonly<Session>, index: number): TurnRef {
  const turn = session.turns[index]!;
  return turn.messageId ? { turn: index + 1, messageId: turn.messageId } : { turn: index + 1 };
}

/** The turn with this id; null when the transcript has none. */
export function refForTurnId(session: Readonly<Session>, turnId: string): TurnRef | null {
  const index = session.turns.findIndex((t) => t.id === turnId);
  return index < 0 ? null : refAt(session, index);
}

/** The stage's main answer: its longest candidate message (earliest of equals). */
export function mainAnswerRef(session: Readonly<Session>, stage: StageId): TurnRef | null {
  let best = -1;
  session.turns.forEach((turn, index) => {
    if (turn.stage !== stage || turn.role !== 'candidate') return;
    if (best < 0 || turn.text.length > session.turns[best]!.text.length) best = index;
  });
  return best < 0 ? null : refAt(session, best);
}

/**
 * The candidate's message in `stage` that holds `quote`; a quote the scorer joined across two
 * messages is found by its start. Else the stage's main answer.
 */
export function quoteRef(
  session: Readonly<Session>,
  stage: StageId,
  quote: string | undefined,
): TurnRef | null {
  if (quote) {
    const head = quote.slice(0, 40);
    for (const probe of [quote, head]) {
      const index = session.turns.findIndex(
        (t) => t.stage === stage && t.role === 'candidate' && isVerbatimQuote(probe, t.text),
      );
      if (index >= 0) return refAt(session, index);
    }
  }
  return mainAnswerRef(session, stage);
}

/** Escapes plain text for the adapter's markup (the link itself is markup already). */
export type Escape = (plain: string) => string;
const asIs: Escape = (plain) => plain;

/** `line` (escaped) followed by its way back, in the adapter's markup or as "turn N". */
function withRef(
  line: string,
  ref: TurnRef | null | undefined,
  link: ReplayLink,
  card: Scorecard,
  toMarkup: Escape,
): string {
  if (!ref) return toMarkup(line);
  const way = link(ref) ?? toMarkup(`(${replayText(card.lang).turn(ref.turn)})`);
  return `${toMarkup(line)} ${way}`;
}

/** The gaps, each followed by the link to where it happened (old scorecards: as they were). */
export function gapLines(card: Scorecard, link: ReplayLink, toMarkup: Escape = asIs): string[] {
  return card.gaps.map((gap, i) => withRef(gap, card.gapTurns?.[i], link, card, toMarkup));
}

/** The design-mistake lines, each followed by the link to the message that made it. */
export function replayMistakeLines(
  card: Scorecard,
  link: ReplayLink,
  toMarkup: Escape = asIs,
): string[] {
  const m = msg(card.lang);
  return (card.mistakes ?? []).map((x) =>
    withRef(m.mistakeLine(x.stage, x.title, x.recovered, x.why), x.at, link, card, toMarkup),
  );
}

/** Every reference a scorecard holds (gaps, then mistakes), for adapters that resolve links. */
export function scorecardRefs(card: Scorecard): TurnRef[] {
  const refs = [...(card.gapTurns ?? []), ...(card.mistakes ?? []).map((x) => x.at)];
  return refs.filter((ref): ref is TurnRef => ref !== null && ref !== undefined);
}

/** For renderers with no link of their own (terminal): "(turn N)". */
export const turnNumberOnly: ReplayLink = () => null;
