/**
 * The LLM interviewer: every move is structured output (move, message, revealed facts), checked
 * in code before the candidate sees it:
 * - revealed facts must be the scenario's (unknown ids are dropped);
 * - numbers must come from a revealed fact, the candidate's words or the interview's own texts
 *   (grounding.ts), else the move is retried;
 * - the message must be in the interview's language and short enough for a chat message;
 * - a hint must not recite a key point of the stage.
 * When the LLM cannot produce an acceptable move, the offline interviewer makes it, with
 * `fallback` saying why. The interview never stops for the LLM.
 */
import type {
  Interviewer,
  InterviewerContext,
  InterviewerMove,
  InterviewerMoveKind,
} from '../../engine/ports.ts';
import { factsAskedIn } from '../clarify.ts';
import { guardFacts, guardQuestion } from './guards.ts';
import { followupAsks, latestCandidateMessage } from '../probes.ts';
import { looksChinese, matchSignals, normalize } from '../../knowledge/signals.ts';
import type { LlmClient, Refined } from '../../llm/client.ts';
import { fitLength, numberSet, unsupportedNumbers } from './grounding.ts';
import { interviewerMessages, type MoveOutput, moveSchema, revealedSoFar } from './prompt.ts';
import { loadPrompt, type PromptTemplate, render } from '../../llm/prompts.ts';
import { addUsage, emptyUsage } from '../../llm/usage.ts';

export interface LlmInterviewerOptions {
  client: LlmClient;
  /** Makes the move when the LLM cannot. */
  fallback: Interviewer;
  template?: PromptTemplate;
  /** Longest message, in characters, per language. */
  maxChars?: { en: number; zh: number };
}

const DEFAULT_MAX_CHARS = { en: 600, zh: 260 };
const MAX_COMPLETION_TOKENS = 600;

interface Task {
  kind: 'respond' | 'followup' | 'hint';
  moves: InterviewerMoveKind[];
  text: string;
  /** Texts the move may draw numbers from besides facts and the conversation. */
  publicTexts: string[];
  followupKeys?: string[];
}

interface FollowupOption {
  key: string;
  question: string;
  /** The candidate already touched this topic (a follow-up can then dig deeper). */
  touched: boolean;
}

export class LlmInterviewer implements Interviewer {
  readonly kind = 'llm' as const;
  private readonly client: LlmClient;
  private readonly fallback: Interviewer;
  private readonly template: PromptTemplate;
  private readonly maxChars: { en: number; zh: number };

  constructor(options: LlmInterviewerOptions) {
    this.client = options.client;
    this.fallback = options.fallback;
    this.template = options.template ?? loadPrompt('interviewer');
    this.maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  }

  get promptVersion(): string {
    return this.template.version;
  }

  async respond(context: InterviewerContext): Promise<InterviewerMove> {
    const isLastStage = context.session.plan.at(-1) === context.stage.id;
    const moves: InterviewerMoveKind[] = ['clarify', 'acknowledge', 'advance'];
    if (context.probesLeft === undefined || context.probesLeft > 0) moves.splice(1, 0, 'probe');
    if (isLastStage) moves.push('wrapup');
    const probeRule =
      context.probesLeft === 0
        ? 'Do not probe in this stage any more: answer questions, acknowledge, or suggest moving on.'
        : context.probesLeft !== undefined
          ? `You may probe at most ${context.probesLeft} more time(s) in this stage.`
          : '';
    const task: Task = {
      kind: 'respond',
      moves,
      text: render(this.template, 'respond', { moves: moves.join(', '), probeRule }),
      publicTexts: [],
    };
    return this.move(context, task, () => this.fallback.respond(context));
  }

  async followup(context: InterviewerContext): Promise<InterviewerMove> {
    const options = followupOptions(context);
    if (options.length === 0) {
      // Every follow-up was asked: the offline interviewer says so in its own words.
      return this.fallback.followup(context);
    }
    const listed = options
      .map(
        (o) =>
          `- [${o.key}] ${o.question}${o.touched ? ' (the candidate touched on this already: go deeper)' : ''}`,
      )
      .join('\n');
    const task: Task = {
      kind: 'followup',
      moves: ['followup'],
      text: render(this.template, 'followup', { options: listed }),
      publicTexts: options.map((o) => o.question),
      followupKeys: options.map((o) => o.key),
    };
    return this.move(context, task, () => this.fallback.followup(context));
  }

  async hint(context: InterviewerContext, level: number): Promise<InterviewerMove> {
    const { stage, lang } = context;
    const index = Math.min(Math.max(0, level), stage.hints.length - 1);
    const previous = stage.hints.slice(0, index).map((h) => `- ${h[lang]}`);
    const task: Task = {
      kind: 'hint',
      moves: ['hint'],
      text: render(this.template, 'hint', {
        hintNumber: String(index + 1),
        hintCount: String(stage.hints.length),
        hint: stage.hints[index]![lang],
        previousHints:
          previous.length > 0
            ? `Hints already given (do not repeat them):\n${previous.join('\n')}`
            : '',
      }),
      publicTexts: stage.hints.slice(0, index + 1).flatMap((h) => [h.en, h.zh]),
    };
    return this.move(context, task, () => this.fallback.hint(context, level));
  }

  private async move(
    context: InterviewerContext,
    task: Task,
    fallback: () => Promise<InterviewerMove>,
  ): Promise<InterviewerMove> {
    const result = await this.client.structured({
      purpose: `interviewer:${task.kind}`,
      schemaName: `interviewer_${task.kind}`,
      schema: moveSchema(task.moves, task.followupKeys),
      messages: await interviewerMessages(this.template, context, task.text),
      temperature: 0.4,
      maxCompletionTokens: MAX_COMPLETION_TOKENS,
      refine: (output) => this.ground(context, task, output as MoveOutput),
    });
    if (result.ok) return { ...result.value, usage: result.usage };
    const move = await fallback();
    return {
      ...move,
      fallback: `llm: ${result.reason}`,
      usage: addUsage(move.usage ?? emptyUsage(), result.usage),
    };
  }

  /** The checks that make a move safe to show; a problem sends the move back to the model. */
  private ground(
    context: InterviewerContext,
    task: Task,
    modelOutput: MoveOutput,
  ): Refined<InterviewerMove> {
    let output = modelOutput;
    const { scenario, lang } = context;
    const raw = output.message.trim();
    if (raw === '') return { ok: false, problem: 'the message is empty' };
    if (looksChinese(raw) !== (lang === 'zh')) {
      return {
        ok: false,
        problem: `the message is not in ${lang === 'zh' ? 'Chinese' : 'English'}, the interview's language`,
      };
    }
    const fitted = fitLength(raw, this.maxChars[lang]);
    if (fitted === null) {
      return { ok: false, problem: `the message is longer than ${this.maxChars[lang]} characters` };
    }
    // Code, not the prompt, decides which facts a reply may state and what a question may name.
    const asked =
      task.kind === 'respond'
        ? factsAskedIn(latestCandidateMessage(context), scenario.facts).facts
        : [];
    const moveKind = asked.length > 0 ? 'clarify' : output.move;
    const guarded =
      moveKind === 'clarify'
        ? guardFacts(context, fitted)
        : moveKind === 'probe' || moveKind === 'followup'
          ? guardQuestion(context, fitted)
          : { ok: true as const, message: fitted, revealedFacts: output.revealedFacts };
    if (!guarded.ok) return guarded;
    const message = guarded.message;
    output = { ...output, move: moveKind, revealedFacts: guarded.revealedFacts };

    const factsById = new Map(scenario.facts.map((f) => [f.id, f]));
    const revealed = new Set(output.revealedFacts.filter((id) => factsById.has(id)));
    const before = new Set(revealedSoFar(context));
    // Facts are revealed only when asked: only a clarify move (answering the candidate's
    // question) may reveal a new one; a probe, hint or follow-up never volunteers one.
    const mayReveal = output.move === 'clarify';
    const volunteered = [...revealed].filter((id) => !before.has(id));
    if (!mayReveal && volunteered.length > 0) {
      return {
        ok: false,
        problem: `a ${output.move} move may not reveal scenario facts the candidate did not ask for (${volunteered.join(', ')})`,
      };
    }
    const known = new Set([...before, ...revealed]);
    const sources = [
      ...conversationTexts(context),
      ...[...known].flatMap((id) => {
        const fact = factsById.get(id)!;
        return [fact.answer.en, fact.answer.zh];
      }),
      scenario.prompt.en,
      scenario.prompt.zh,
      context.stage.question.en,
      context.stage.question.zh,
      ...task.publicTexts,
    ];
    let unsupported = unsupportedNumbers(message, sources);
    if (unsupported.length > 0 && mayReveal) {
      // A number from a fact the model forgot to list: that fact was revealed.
      for (const fact of scenario.facts) {
        if (asked.length > 0 && !asked.some((f) => f.id === fact.id)) continue;
        const numbers = numberSet([fact.answer.en, fact.answer.zh]);
        const covered = unsupported.filter((n) => numbers.has(n));
        if (covered.length === 0) continue;
        revealed.add(fact.id);
        unsupported = unsupported.filter((n) => !covered.includes(n));
      }
    }
    if (unsupported.length > 0) {
      return {
        ok: false,
        problem: `the message states numbers that are in no scenario fact and not in the candidate's words (${unsupported.join(', ')})`,
      };
    }

    if (task.kind === 'hint') {
      const said = normalize(message);
      const recited = (scenario.keyPoints[context.stage.id] ?? []).some(
        (k) =>
          said.includes(normalize(k.text[lang])) || matchSignals(message, k.signals).length > 2,
      );
      if (recited) return { ok: false, problem: 'the hint gives the answer away' };
    }

    const move: InterviewerMove = { move: output.move, message, revealedFacts: [...revealed] };
    if (output.followupKey) move.followupKey = output.followupKey;
    return { ok: true, value: move };
  }
}

/** Everything said so far in the interview, both sides. */
function conversationTexts(context: InterviewerContext): string[] {
  const turns = new Map([...context.session.turns, ...context.stageTurns].map((t) => [t.id, t]));
  return [...turns.values()].map((t) => t.text);
}

/**
 * Follow-ups for this stage the interviewer may ask now (src/interviewer/probes.ts: not asked
 * before anywhere in the interview, naming no expected answer, fitting the scenario).
 */
function followupOptions(context: InterviewerContext): FollowupOption[] {
  return followupAsks(context).map((ask) => ({ ...ask, touched: false }));
}
