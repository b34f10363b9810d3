/**
 * The per-candidate index: history entries (newest first) and, per stage, recent scores and
 * the review card. Updated when a session's status or stage scores change (see SessionTurn),
 * so history, drills and the schedule read one record instead of every past session.
 */
import { review, type StoredCard } from '../practice/schedule.ts';
import type { CandidateIndexStore } from './ports.ts';
import { awaitingSelfAssessment, selfGap } from './self-assessment.ts';
import type { CandidateId, HistoryEntry, Lang, Session, StageId } from './types.ts';

/** Entries kept (the history view shows at most this many). */
export const INDEX_ENTRIES = 50;
/** Scores kept per stage (for the weakest stage and the trend). */
const SCORES_PER_STAGE = 20;

export interface StageRecord {
  /** Newest last. `score` null: too short to judge. */
  scores: { at: number; score: number | null; sessionId: string; drill: boolean }[];
  card: StoredCard;
}

export interface CandidateIndex {
  entries: HistoryEntry[];
  stages: Partial<Record<StageId, StageRecord>>;
  reminders?: { on: boolean; changedAt: number; lang: Lang };
  /** Self-assessment before the scorecard, the candidate's own choice (off by default). */
  selfAssess?: { on: boolean; changedAt: number };
  /** The language of the newest session: history speaks it when the request names none. */
  lang?: Lang;
}

export const emptyIndex = (): CandidateIndex => ({ entries: [], stages: {} });

/** The index-relevant state of a session: when it changes, the index is updated. */
export function indexDigest(session: Session): string {
  const scored = session.stages.map((s) => (s.score ? `${s.stage}:${s.score.score}` : ''));
  const self = session.selfAssessment?.done ? JSON.stringify(session.selfAssessment.ratings) : '';
  return `${session.status}|${scored.join(',')}|${self}`;
}

/**
 * An interview under self-assessment whose ratings are not in yet: the candidate rates each
 * stage before seeing any score, so history and its chart hold the scores back until then.
 */
function scoresWithheld(session: Session): boolean {
  const pending = session.selfAssessment !== undefined && !session.selfAssessment.done;
  return pending && (session.status === 'active' || awaitingSelfAssessment(session));
}

/** Sessions that ended without a single answer had nothing to judge: not in history. */
function counts(session: Session): boolean {
  return session.status === 'active' || session.turns.some((t) => t.role === 'candidate');
}

export function entryFor(session: Session, scenarioTitle: string): HistoryEntry {
  const stageScores: HistoryEntry['stageScores'] = {};
  for (const progress of session.stages) {
    if (progress.score && !progress.score.insufficient)
      stageScores[progress.stage] = progress.score.score;
  }
  const gap = session.scorecard?.self ? selfGap(session.scorecard.self, stageScores) : null;
  const withheld = scoresWithheld(session);
  return {
    sessionId: session.id,
    scenarioId: session.scenarioId,
    scenarioTitle,
    startedAt: session.createdAt,
    status: session.status,
    overall: withheld ? null : (session.scorecard?.overall ?? null),
    stageScores: withheld ? {} : stageScores,
    ...(awaitingSelfAssessment(session) ? { awaitingSelfRatings: true as const } : {}),
    ...(session.drill ? { drill: true } : {}),
    ...(gap !== null ? { selfGap: gap } : {}),
  };
}

/**
 * The index with `session` folded in: its entry replaced (or added, or dropped when it no
 * longer counts) and each newly scored stage reviewed once (a stage already recorded for this
 * session is not reviewed again, so a repeated update changes nothing).
 */
export function foldSession(
  current: CandidateIndex | null,
  session: Session,
  scenarioTitle: string,
): CandidateIndex {
  const index = current ?? emptyIndex();
  const others = index.entries.filter((e) => e.sessionId !== session.id);
  const entries = counts(session) ? [entryFor(session, scenarioTitle), ...others] : others;
  entries.sort((a, b) => b.startedAt - a.startedAt);
  const stages = { ...index.stages };
  // Folded in once the self-ratings are in: the progress chart must not show them first either.
  const withheld = scoresWithheld(session);
  for (const progress of session.stages) {
    const score = progress.score;
    if (!score || withheld) continue;
    const record = stages[progress.stage];
    if (record?.scores.some((s) => s.sessionId === session.id)) continue;
    const at = progress.endedAt ?? session.updatedAt;
    const value = score.insufficient ? null : score.score;
    stages[progress.stage] = {
      scores: [
        ...(record?.scores ?? []),
        { at, score: value, sessionId: session.id, drill: session.drill === true },
      ].slice(-SCORES_PER_STAGE),
      card: review(record?.card ?? null, value === null ? null : score.level, at),
    };
  }
  const lang = entries[0]?.sessionId === session.id ? session.lang : index.lang;
  return { ...index, entries: entries.slice(0, INDEX_ENTRIES), stages, ...(lang ? { lang } : {}) };
}

/** In-process index, the default when no store-backed one is given (tests, one process). */
export function memoryCandidateIndex(): CandidateIndexStore {
  const records = new Map<CandidateId, CandidateIndex>();
  let chain = Promise.resolve();
  return {
    read: async (id) => structuredClone(records.get(id) ?? null),
    update(id, change) {
      const run = chain.then(() => {
        const next = change(structuredClone(records.get(id) ?? null));
        records.set(id, structuredClone(next));
        return next;
      });
      chain = run.then(
        () => {},
        () => {},
      );
      return run;
    },
    withReminders: async () =>
      [...records.entries()].filter(([, r]) => r.reminders?.on).map(([id]) => id),
    forget: async (id) => {
      records.delete(id);
    },
  };
}
