/**
 * Every sentence of the level-4 model answers (knowledge/model-answers/), with where it comes
 * from: correct text, against which the scorer's catalogues of wrong content are checked (a
 * sentence of them read as wrong is almost surely a false flag).
 */
import type { Knowledge } from './knowledge.ts';
import { splitSentences } from './signals.ts';

export interface ReferenceSentence {
  scenario: string;
  stage: string;
  lang: string;
  text: string;
}

export function referenceSentences(knowledge: Pick<Knowledge, 'scenarios'>): ReferenceSentence[] {
  const out: ReferenceSentence[] = [];
  for (const scenario of knowledge.scenarios.values()) {
    for (const [stage, texts] of Object.entries(scenario.referenceAnswers ?? {})) {
      for (const [lang, answer] of Object.entries(texts ?? {})) {
        for (const text of splitSentences(answer ?? '')) {
          out.push({ scenario: scenario.id, stage, lang, text });
        }
      }
    }
  }
  return out;
}
