/**
 * Recognising the design mistakes of knowledge/mistakes.yaml (and a scenario's own) in what a
 * candidate says, and whether they recovered after being challenged. Both languages' patterns
 * are tried on every message: candidates mix English terms into Chinese answers.
 */
import type { InterviewerContext } from '../engine/ports.ts';
import type { Turn } from '../engine/types.ts';
import type { Mistake, StageId } from '../knowledge/schema.ts';
import { splitSentences } from '../knowledge/signals.ts';

const compiled = new Map<string, RegExp>();

function regex(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(source, 'iu');
    compiled.set(source, re);
  }
  return re;
}

const anyMatch = (text: string, sources: readonly string[]) =>
  sources.some((s) => regex(s).test(text));

/** Whether `message` makes `mistake`: a sentence matches it and nothing in the message qualifies it. */
export function makesMistake(message: string, mistake: Mistake): boolean {
  const patterns = [...mistake.recognise.en, ...mistake.recognise.zh];
  const made = splitSentences(message).some((sentence) => anyMatch(sentence, patterns));
  if (!made) return false;
  const unless = mistake.unless ? [...mistake.unless.en, ...mistake.unless.zh] : [];
  return !anyMatch(message, unless);
}

/** The mistakes looked for in `stage`. */
function inStage(mistakes: readonly Mistake[], stage: StageId): Mistake[] {
  return mistakes.filter((m) => !m.stages || m.stages.includes(stage));
}

/** Ids of the mistakes already challenged in this interview. */
export function challengedSoFar(context: InterviewerContext): Set<string> {
  return new Set(context.session.stages.flatMap((s) => (s.mistakes ?? []).map((m) => m.id)));
}

/** The first mistake `message` makes that was not challenged yet in this interview. */
export function newMistake(context: InterviewerContext, message: string): Mistake | null {
  const done = challengedSoFar(context);
  return (
    inStage(context.mistakes ?? [], context.stage.id).find(
      (m) => !done.has(m.id) && makesMistake(message, m),
    ) ?? null
  );
}

/** Did the candidate's words after `turnId` show they fixed the mistake? */
export function recovered(mistake: Mistake, turns: readonly Turn[], turnId: string): boolean {
  const start = turns.findIndex((t) => t.id === turnId);
  if (start < 0) return false;
  const after = turns
    .slice(start + 1)
    .filter((t) => t.role === 'candidate')
    .map((t) => t.text)
    .join('\n');
  return anyMatch(after, [...mistake.recovered.en, ...mistake.recovered.zh]);
}
