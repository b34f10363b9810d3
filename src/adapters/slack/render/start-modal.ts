/**
 * The start dialog (`/interview` with no arguments, or App Home's start button): scenario,
 * mode, language, difficulty. Where the interview goes is carried in `private_metadata`.
 */
import type { types } from '@slack/bolt';
import { msg } from '../../../engine/messages.ts';
import {
  type Command,
  type Difficulty,
  type Lang,
  MODES,
  type Mode,
} from '../../../engine/types.ts';
import { DIFFICULTIES, LANGS } from '../../../engine/command-words.ts';
import type { Scenario } from '../../../engine/types.ts';
import { clampPlain } from '../mrkdwn.ts';
import { slackText } from '../text.ts';
import type { Block } from './blocks.ts';
import { LIMITS } from './limits.ts';

export const START_MODAL_CALLBACK_ID = 'interview_start';

const BLOCK = {
  scenario: 'scenario',
  mode: 'mode',
  lang: 'lang',
  difficulty: 'difficulty',
} as const;
/** Each input block holds one element, whose action id is this. */
const ELEMENT = 'value';

/** Where the interview will run: a channel, or (null) the user's messages with the app. */
export interface StartOrigin {
  channel: string | null;
}

type StartCommand = Extract<Command, { kind: 'start' }>;

function option(text: string, value: string): types.PlainTextOption {
  return { text: { type: 'plain_text', text: clampPlain(text, LIMITS.optionText) }, value };
}

function select(
  blockId: string,
  label: string,
  options: types.PlainTextOption[],
  initial?: types.PlainTextOption,
  placeholder?: string,
): Block {
  return {
    type: 'input',
    block_id: blockId,
    label: { type: 'plain_text', text: label },
    element: {
      type: 'static_select',
      action_id: ELEMENT,
      options,
      ...(initial ? { initial_option: initial } : {}),
      ...(placeholder ? { placeholder: { type: 'plain_text', text: placeholder } } : {}),
    },
  };
}

export function startModal(
  scenarios: readonly Scenario[],
  lang: Lang,
  origin: StartOrigin,
): types.ModalView {
  const t = slackText(lang).modal;
  const m = msg(lang);
  const scenarioOptions = scenarios
    .slice(0, LIMITS.selectOptions)
    .map((s) => option(s.title[lang], s.id));
  const modeOptions = MODES.map((mode) => option(m.modes[mode], mode));
  const langOptions = LANGS.map((l) => option(slackText(lang).langNames[l], l));
  const difficultyOptions = DIFFICULTIES.map((d) => option(m.difficulties[d], d));
  const blocks: Block[] = [
    select(BLOCK.scenario, t.scenario, scenarioOptions, undefined, t.scenarioPlaceholder),
    {
      type: 'input',
      block_id: BLOCK.mode,
      label: { type: 'plain_text', text: t.mode },
      hint: { type: 'plain_text', text: t.modeHint },
      element: {
        type: 'radio_buttons',
        action_id: ELEMENT,
        options: modeOptions,
        initial_option: modeOptions[0],
      },
    },
    select(BLOCK.lang, t.language, langOptions, langOptions[LANGS.indexOf(lang)]),
    select(BLOCK.difficulty, t.difficulty, difficultyOptions, difficultyOptions[1]),
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: origin.channel ? t.where : t.whereHome }],
    },
  ];
  return {
    type: 'modal',
    callback_id: START_MODAL_CALLBACK_ID,
    title: { type: 'plain_text', text: clampPlain(t.title, LIMITS.modalTitle) },
    submit: { type: 'plain_text', text: clampPlain(t.submit, LIMITS.modalTitle) },
    close: { type: 'plain_text', text: clampPlain(t.close, LIMITS.modalTitle) },
    private_metadata: JSON.stringify({ channel: origin.channel, lang }),
    blocks,
  };
}

/** `view.state.values` as Slack sends it on submission (only what we read). */
export type ViewStateValues = Record<
  string,
  Record<string, { selected_option?: { value?: string } | null } | undefined>
>;

export type StartSubmission =
  | { ok: true; command: StartCommand; origin: StartOrigin }
  | { ok: false; errors: Record<string, string> };

function picked(values: ViewStateValues, block: string): string | undefined {
  return values[block]?.[ELEMENT]?.selected_option?.value ?? undefined;
}

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (list as readonly string[]).includes(value)
    ? (value as T)
    : undefined;
}

/** What the dialog carried from where it was opened: the channel and the dialog's language. */
function readMetadata(privateMetadata: string | undefined): { origin: StartOrigin; lang: Lang } {
  try {
    const parsed = JSON.parse(privateMetadata ?? '{}') as { channel?: unknown; lang?: unknown };
    return {
      origin: { channel: typeof parsed.channel === 'string' ? parsed.channel : null },
      lang: parsed.lang === 'zh' ? 'zh' : 'en',
    };
  } catch {
    return { origin: { channel: null }, lang: 'en' };
  }
}

/** The submitted dialog → a start command, or per-block errors to show in the dialog. */
export function readStartSubmission(
  values: ViewStateValues,
  privateMetadata: string | undefined,
  knownScenario: (id: string) => boolean,
): StartSubmission {
  const { origin, lang } = readMetadata(privateMetadata);
  const scenarioId = picked(values, BLOCK.scenario);
  if (!scenarioId || !knownScenario(scenarioId)) {
    return { ok: false, errors: { [BLOCK.scenario]: slackText(lang).modal.scenarioPlaceholder } };
  }
  const mode: Mode | undefined = oneOf(MODES, picked(values, BLOCK.mode));
  const chosenLang: Lang | undefined = oneOf(LANGS, picked(values, BLOCK.lang));
  const difficulty: Difficulty | undefined = oneOf(DIFFICULTIES, picked(values, BLOCK.difficulty));
  return {
    ok: true,
    command: { kind: 'start', scenarioId, mode, lang: chosenLang, difficulty },
    origin,
  };
}
