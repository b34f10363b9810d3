/**
 * `/interview ...` text → what the user asked for. Pure: no Slack, no engine calls.
 *
 *   /interview                      → the start dialog (a modal)
 *   /interview start                → the start dialog
 *   /interview start <scenario> [interview|coach] [en|zh] [easy|medium|hard]
 *   /interview followup|hint|next|end|scorecard|export|status
 *   /interview history|scenarios|help [en|zh]
 *   /interview forget-me [confirm|确认]   (deletes only with the confirm word)
 *   /interview model-answer [stage] | drill [stage] | practice | reminders on|off (practice-text.ts)
 */
import { isForgetConfirmation } from '../../engine/forget-wording.ts';
import { FORGET_ME_WORD } from './forget-me.ts';
import {
  COMMAND_ALIASES,
  DIFFICULTIES,
  isOneOf,
  isSessionWord,
  LANGS,
  MODES,
  type SessionWord,
} from '../../engine/command-words.ts';
import type { Difficulty, Lang, Mode } from '../../engine/types.ts';
import { type PracticeRequest, parsePracticeWords } from './practice-text.ts';

export type SlashRequest =
  | { kind: 'start-dialog'; lang?: Lang }
  | { kind: 'start'; scenarioId: string; mode?: Mode; lang?: Lang; difficulty?: Difficulty }
  | { kind: 'session'; command: SessionWord; lang?: Lang }
  | { kind: 'history'; lang?: Lang }
  | { kind: 'scenarios'; lang?: Lang }
  | { kind: 'help'; lang?: Lang }
  | { kind: 'forget'; confirm: boolean }
  | { kind: 'practice'; request: PracticeRequest }
  | { kind: 'unsupported'; word: string };

function parseStart(args: string[]): SlashRequest {
  let scenarioId: string | undefined;
  let mode: Mode | undefined;
  let lang: Lang | undefined;
  let difficulty: Difficulty | undefined;
  for (const raw of args) {
    const word = raw.toLowerCase();
    if (isOneOf(MODES, word) && !mode) mode = word;
    else if (isOneOf(LANGS, word) && !lang) lang = word;
    else if (isOneOf(DIFFICULTIES, word) && !difficulty) difficulty = word;
    else if (!scenarioId) scenarioId = word;
    else return { kind: 'unsupported', word: raw };
  }
  if (!scenarioId) return { kind: 'start-dialog', lang };
  return { kind: 'start', scenarioId, mode, lang, difficulty };
}

/** Only an optional language may follow these words. */
function withOptionalLang(kind: 'history' | 'scenarios' | 'help', args: string[]): SlashRequest {
  if (args.length === 0) return { kind };
  const word = args[0]!.toLowerCase();
  if (args.length === 1 && isOneOf(LANGS, word)) return { kind, lang: word };
  return { kind: 'unsupported', word: args[0]! };
}

export function parseSlashText(text: string): SlashRequest {
  const [first, ...args] = text.trim().split(/\s+/).filter(Boolean);
  if (!first) return { kind: 'start-dialog' };
  const lowered = first.toLowerCase();
  const word = COMMAND_ALIASES[lowered] ?? lowered;
  if (word === 'start' || word === 'new') return parseStart(args);
  if (isSessionWord(word)) {
    if (args.length === 0) return { kind: 'session', command: word };
    const lang = args[0]!.toLowerCase();
    if (args.length === 1 && isOneOf(LANGS, lang)) return { kind: 'session', command: word, lang };
    return { kind: 'unsupported', word: args[0]! };
  }
  if (word === 'history' || word === 'scenarios' || word === 'help') {
    return withOptionalLang(word, args);
  }
  if (word === FORGET_ME_WORD) {
    if (args.length > 1 || (args.length === 1 && !isForgetConfirmation(args[0]))) {
      return { kind: 'unsupported', word: args.at(-1)! };
    }
    return { kind: 'forget', confirm: args.length === 1 };
  }
  const practice = parsePracticeWords(word, args);
  if (practice)
    return practice.kind === 'unsupported' ? practice : { kind: 'practice', request: practice };
  return { kind: 'unsupported', word: first };
}
