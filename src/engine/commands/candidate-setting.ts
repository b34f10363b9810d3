/**
 * `reminders on|off` and `self-assess-setting on|off`: settings a candidate changes for
 * themselves (no session needed; both off by default). Kept in their index, which is built
 * from past sessions first if missing, and answered with one plain note.
 */
import type { CandidateIndex } from '../candidate-index.ts';
import { candidateIndex } from '../candidate-index-read.ts';
import type { Services } from '../deps.ts';
import { practiceText } from '../practice-messages.ts';
import { replayText } from '../replay-wording.ts';
import type { Command, EngineRequest, Lang, Outcome } from '../types.ts';

type SettingCommand = Extract<Command, { kind: 'reminders' | 'self-assess-setting' }>;

/** The index with the setting changed. */
function changed(index: CandidateIndex, command: SettingCommand, now: number, lang: Lang) {
  const { on } = command;
  return command.kind === 'reminders'
    ? { ...index, reminders: { on, changedAt: now, lang } }
    : { ...index, selfAssess: { on, changedAt: now } };
}

function said(command: SettingCommand, lang: Lang): string {
  if (command.kind === 'reminders')
    return command.on ? practiceText(lang).remindersOn : practiceText(lang).remindersOff;
  return command.on ? replayText(lang).selfAssessOn : replayText(lang).selfAssessOff;
}

export async function runCandidateSetting(
  services: Services,
  request: EngineRequest,
  command: SettingCommand,
): Promise<Outcome> {
  const lang = request.lang ?? 'en';
  await candidateIndex(services, request.actor);
  await services.candidateIndex.update(request.actor, (current) =>
    changed(current ?? { entries: [], stages: {} }, command, services.clock.now(), lang),
  );
  const text = said(command, lang);
  return {
    ok: true,
    sessionId: null,
    lang,
    replies: [{ kind: 'message', from: 'system', tone: 'info', text, actions: [] }],
  };
}
