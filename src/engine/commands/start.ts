/** `start`: a new interview on a scenario; opens the first stage. */
import { stagePlan } from '../../knowledge/knowledge.ts';
import type { Scenario } from '../../knowledge/schema.ts';
import type { Services } from '../deps.ts';
import { msg } from '../messages.ts';
import { practiceText } from '../practice-messages.ts';
import { unknownScenarioError } from '../scenario-search.ts';
import { SessionTurn, VersionConflictError } from '../session-turn.ts';
import { emptyUsage } from '../usage.ts';
import { placeIndexKey } from '../places.ts';
import { openStage } from '../stage-flow.ts';
import type { Command, EngineRequest, Outcome, Session } from '../types.ts';

type StartCommand = Extract<Command, { kind: 'start' }>;

/** When the command does not say: feedback at the end, like the real thing, medium probing. */
export const START_DEFAULTS = { mode: 'interview', lang: 'en', difficulty: 'medium' } as const;

function newSession(
  services: Services,
  id: string,
  actor: string,
  scenario: Scenario,
  command: StartCommand,
  lang: Session['lang'],
): Session {
  const now = services.clock.now();
  const plan = command.drill ? [command.drill.stage] : stagePlan(scenario);
  return {
    id,
    version: 0,
    candidateId: actor,
    scenarioId: scenario.id,
    // A drill is for learning: feedback and the model answer right after the stage.
    mode: command.mode ?? (command.drill ? 'coach' : START_DEFAULTS.mode),
    lang,
    difficulty: command.difficulty ?? START_DEFAULTS.difficulty,
    plan,
    stageIndex: 0,
    status: 'active',
    createdAt: now,
    updatedAt: now,
    turns: [],
    stages: plan.map((stage) => ({
      stage,
      hintsUsed: 0,
      followupsAsked: [],
      revealedFacts: [],
      nudged: false,
    })),
    usage: emptyUsage(),
    ...(command.drill ? { drill: true } : {}),
  };
}

export async function runStart(
  services: Services,
  request: EngineRequest,
  command: StartCommand,
): Promise<Outcome> {
  const lang = command.lang ?? request.lang ?? START_DEFAULTS.lang;
  const scenario = services.knowledge.scenarios.get(command.scenarioId);
  if (!scenario) {
    const error = unknownScenarioError(
      [...services.knowledge.scenarios.values()],
      command.scenarioId,
    );
    return { ok: false, lang, error };
  }
  if (command.drill && !stagePlan(scenario).includes(command.drill.stage)) {
    const stages = stagePlan(scenario).join(', ');
    return {
      ok: false,
      lang,
      error: { code: 'unknown-stage', params: { stage: command.drill.stage, stages } },
    };
  }
  const sessionId = request.sessionId ?? services.newId();
  const exists: Outcome = { ok: false, lang, error: { code: 'session-exists' } };

  return services.lock.withLock(`session:${sessionId}`, async () => {
    if (await services.store.get(sessionId)) return exists;
    const session = newSession(services, sessionId, request.actor, scenario, command, lang);
    // The candidate's own setting when the interview starts (off unless they turned it on).
    if ((await services.candidateIndex.read(request.actor))?.selfAssess?.on)
      session.selfAssessment = { ratings: {} };
    const turn = new SessionTurn(services, session, scenario, emptyUsage(), services.newId());
    if (command.drill) openDrill(turn, command.drill.why ?? 'asked');
    else openInterview(turn);
    try {
      await turn.save();
    } catch (error) {
      // Someone started an interview under this id at the same moment.
      if (error instanceof VersionConflictError) return exists;
      throw error;
    }
    // After the save: a place never points at an interview that does not exist.
    for (const place of command.places ?? []) {
      await services.store.setPlace(placeIndexKey(request.actor, place), sessionId);
    }
    services.logger.info(
      {
        sessionId,
        scenarioId: scenario.id,
        mode: session.mode,
        lang,
        difficulty: session.difficulty,
      },
      command.drill ? 'drill started' : 'interview started',
    );
    return { ok: true, sessionId, lang, replies: turn.replies };
  });
}

/** The opening of a whole interview: what it is, how it is scored, the prompt, stage 1. */
function openInterview(turn: SessionTurn): void {
  const { session, scenario, services, lang } = turn;
  const m = msg(lang);
  turn.note(
    m.interviewStarted(scenario.title[lang], session.mode, session.difficulty, session.plan.length),
  );
  if (services.interviewer.kind === 'offline') turn.note(m.offlineInterviewer);
  if (services.scorer.kind === 'offline') turn.note(m.offlineScorer);
  const prompt = scenario.prompt[lang];
  turn.addTurn('interviewer', 'stage-open', prompt);
  turn.say(prompt);
  openStage(turn, 0);
}

/**
 * The opening of a drill, kept short (one message, then the question): what is drilled and
 * why, how it is scored, and the scenario's prompt.
 */
function openDrill(turn: SessionTurn, why: 'asked' | 'weakest' | 'due'): void {
  const { session, scenario, services, lang } = turn;
  const m = msg(lang);
  const stageTitle = turn.framework.stages.find((s) => s.id === session.plan[0])!.title[lang];
  const prompt = scenario.prompt[lang];
  const notes = [practiceText(lang).drillStarted(stageTitle, scenario.title[lang], why)];
  if (services.interviewer.kind === 'offline') notes.push(m.offlineInterviewer);
  if (services.scorer.kind === 'offline') notes.push(m.offlineScorer);
  turn.addTurn('interviewer', 'stage-open', prompt);
  turn.say([...notes, '', prompt].join('\n'));
  openStage(turn, 0);
}
