/**
 * The review schedule of one (candidate, stage): an FSRS card (ts-fsrs) advanced by each score
 * the stage gets. A practice "review" is an interview or drill that scores the stage; the score
 * is the recall grade (1 → Again … 4 → Easy), so a weak stage comes back within days and a
 * strong one drifts out to weeks. Short-term learning steps are off: nobody drills the same
 * stage again ten minutes later, the smallest useful interval is a day.
 */
import { type Card, createEmptyCard, fsrs, type Grade, Rating, type State } from 'ts-fsrs';
import type { Level } from '../engine/types.ts';

/** A card as stored (JSON-safe: epoch milliseconds instead of Dates). */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  learningSteps: number;
  state: number;
  lastReview: number | null;
}

const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });

const GRADES: Record<Level, Grade> = {
  1: Rating.Again,
  2: Rating.Hard,
  3: Rating.Good,
  4: Rating.Easy,
};

function toStored(card: Card): StoredCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    reps: card.reps,
    lapses: card.lapses,
    learningSteps: card.learning_steps,
    state: card.state,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

function fromStored(card: StoredCard): Card {
  return {
    due: new Date(card.due),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    reps: card.reps,
    lapses: card.lapses,
    learning_steps: card.learningSteps,
    state: card.state as State,
    ...(card.lastReview !== null ? { last_review: new Date(card.lastReview) } : {}),
  };
}

/**
 * The card after a score at `at` (epoch ms). `level` null: the answer was too short to judge,
 * which counts as not recalled.
 */
export function review(card: StoredCard | null, level: Level | null, at: number): StoredCard {
  const current = card ? fromStored(card) : createEmptyCard(new Date(at));
  const grade = level === null ? Rating.Again : GRADES[level];
  // A review dated before the card's last one (clock skew across processes) is applied "now".
  const when = new Date(Math.max(at, card?.lastReview ?? at));
  return toStored(scheduler.next(current, when, grade).card);
}

export function isDue(card: StoredCard, now: number): boolean {
  return card.due <= now;
}
