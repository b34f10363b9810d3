/** The engine's dependencies (ports), and the defaults for the optional ones. */
import { randomUUID } from 'node:crypto';
import type { Knowledge } from '../knowledge/knowledge.ts';
import { memoryCandidateIndex } from './candidate-index.ts';
import type { DiagramImageReader } from './image-reader.ts';
import {
  type CandidateIndexStore,
  type ChartRenderer,
  type Clock,
  type EngineLogger,
  alwaysHealthy,
  type Interviewer,
  type LlmHealth,
  openGate,
  type SessionLock,
  type SessionStore,
  type StageScorer,
  silentLogger,
  systemClock,
  type TurnGate,
  type UsageGuard,
  unlimited,
} from './ports.ts';

export interface EngineDeps {
  knowledge: Knowledge;
  store: SessionStore;
  lock: SessionLock;
  interviewer: Interviewer;
  scorer: StageScorer;
  /** Defaults to the system clock; tests inject a fake one to exercise pacing. */
  clock?: Clock;
  /** Per-candidate rate and token limits; defaults to unlimited. */
  guard?: UsageGuard;
  logger?: EngineLogger;
  /** Whether the LLM is switched off for now (a circuit breaker); default: always in use. */
  llmHealth?: LlmHealth;
  /** Ids for sessions and turns; defaults to random UUIDs. */
  newId?: () => string;
  /** Process-wide admission (shutdown, store lost, LLM queue bound); default: always open. */
  turnGate?: TurnGate;
  /** Per-candidate history, scores and schedule; defaults to one kept in this process. */
  candidateIndex?: CandidateIndexStore;
  /** Reads diagrams in images sent with answers; null (default): no model that takes images. */
  imageReader?: DiagramImageReader | null;
  /** Draws the progress charts scorecards and history carry; null or absent: no charts. */
  charts?: ChartRenderer | null;
}

/** EngineDeps with every default filled in: what command handlers use. */
export type Services = Required<EngineDeps>;

export function resolveDeps(deps: EngineDeps): Services {
  // Field by field: callers pass `clock: undefined` and mean "the default".
  return {
    knowledge: deps.knowledge,
    store: deps.store,
    lock: deps.lock,
    interviewer: deps.interviewer,
    scorer: deps.scorer,
    clock: deps.clock ?? systemClock,
    guard: deps.guard ?? unlimited,
    logger: deps.logger ?? silentLogger,
    llmHealth: deps.llmHealth ?? alwaysHealthy,
    newId: deps.newId ?? randomUUID,
    turnGate: deps.turnGate ?? openGate,
    candidateIndex: deps.candidateIndex ?? memoryCandidateIndex(),
    imageReader: deps.imageReader ?? null,
    charts: deps.charts ?? null,
  };
}
