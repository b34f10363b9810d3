/**
 * The interviewer without an LLM. It plays a senior interviewer from the knowledge base alone:
 * - a clarifying question is answered from the scenario's hidden facts (only facts that exist;
 *   otherwise "not specified: make an assumption and state it");
 * - an answer is acknowledged briefly and, when the engine allows a probe, followed by a probe
 *   at something the candidate has not covered yet in this stage (the scenario's key points,
 *   then the framework's follow-up topics for the stage), never the same one twice;
 * - `followup()` picks the best follow-up not asked yet: the scenario's for this stage, then
 *   uncovered follow-up topics, then the stage's own;
 * - `hint(level)` returns the stage's hints in order, gentle to specific.
 * Deterministic: the same conversation gets the same moves (tests and benchmarks rely on it).
 */
import type { Interviewer, InterviewerContext, InterviewerMove } from '../../engine/ports.ts';
import type { Lang } from '../../engine/types.ts';
import type { Fact, Signals } from '../../knowledge/schema.ts';
import { containsPhrase, looksChinese, matchSignals, normalize } from '../../knowledge/signals.ts';
import { phrases } from './interviewer-phrases.ts';
import { factsAskedFor, isMostlyQuestion, questionSentences } from './interviewer-questions.ts';

interface Candidate {
  key: string;
  question: string;
}

function candidateWords(context: InterviewerContext): string {
  return context.stageTurns
    .filter((t) => t.role === 'candidate')
    .map((t) => t.text)
    .join('\n');
}

function latestMessage(context: InterviewerContext): string {
  for (let i = context.stageTurns.length - 1; i >= 0; i--) {
    const turn = context.stageTurns[i]!;
    if (turn.role === 'candidate') return turn.text;
  }
  return '';
}

/** Follow-up keys already used anywhere in the interview. */
function askedKeys(context: InterviewerContext): Set<string> {
  return new Set(context.session.stages.flatMap((s) => s.followupsAsked));
}

function revealedFacts(context: InterviewerContext): Set<string> {
  return new Set(context.session.stages.flatMap((s) => s.revealedFacts));
}

const covered = (text: string, signals: Signals) => matchSignals(text, signals).length > 0;

/**
 * What a probe calls a key point: one of its signal phrases, not the whole key point (a probe
 * points the way, it does not hand over the answer). The first phrase that shares no word with
 * what the candidate said, so "you haven't said much about search CTR" never follows "CTR".
 */
function topicName(signals: Signals, lang: Lang, said: string): string {
  const text = normalize(said);
  const mentioned = (phrase: string) =>
    looksChinese(phrase)
      ? [...phrase].some((_, i) => i + 2 <= phrase.length && text.includes(phrase.slice(i, i + 2)))
      : normalize(phrase)
          .split(/[^a-z0-9@]+/)
          .some((word) => word.length >= 3 && containsPhrase(text, word));
  const phrases = signals[lang].length > 0 ? signals[lang] : signals.en;
  return phrases.find((phrase) => !mentioned(phrase)) ?? phrases[0]!;
}

export class OfflineInterviewer implements Interviewer {
  readonly kind = 'offline' as const;

  async respond(context: InterviewerContext): Promise<InterviewerMove> {
    const message = latestMessage(context);
    const questions = questionSentences(message);
    if (questions.length > 0) {
      const facts = factsAskedFor(questions, context.scenario.facts);
      if (facts.length > 0) return this.clarify(context, facts);
      if (isMostlyQuestion(message, questions)) {
        return { move: 'clarify', message: phrases(context.lang).notSpecified, revealedFacts: [] };
      }
    }
    return this.acknowledge(context);
  }

  async followup(context: InterviewerContext): Promise<InterviewerMove> {
    const asked = askedKeys(context);
    const pick = this.followupCandidates(context).find((c) => !asked.has(c.key));
    if (!pick) {
      return {
        move: 'acknowledge',
        message: phrases(context.lang).noFollowupsLeft,
        revealedFacts: [],
      };
    }
    return { move: 'followup', message: pick.question, revealedFacts: [], followupKey: pick.key };
  }

  async hint(context: InterviewerContext, level: number): Promise<InterviewerMove> {
    const hints = context.stage.hints;
    const hint = hints[Math.min(Math.max(0, level), hints.length - 1)]!;
    return { move: 'hint', message: hint[context.lang], revealedFacts: [] };
  }

  private clarify(context: InterviewerContext, facts: Fact[]): InterviewerMove {
    const p = phrases(context.lang);
    const known = revealedFacts(context);
    const fresh = facts.filter((f) => !known.has(f.id));
    const lead = fresh.length > 0 ? p.clarifyLead : p.alreadySaid;
    const answers = facts.map((f) => f.answer[context.lang]);
    const joiner = context.lang === 'zh' ? '' : ' ';
    return {
      move: 'clarify',
      message: [lead, ...answers].join(joiner),
      revealedFacts: facts.map((f) => f.id),
    };
  }

  private acknowledge(context: InterviewerContext): InterviewerMove {
    const p = phrases(context.lang);
    const answers = context.stageTurns.filter((t) => t.role === 'candidate').length;
    const ack =
      p.acknowledgements[(answers - 1 + p.acknowledgements.length) % p.acknowledgements.length]!;
    const joiner = context.lang === 'zh' ? '' : ' ';
    const probe = (context.probesLeft ?? 1) > 0 ? this.probeTarget(context) : null;
    if (probe) {
      return {
        move: 'probe',
        message: `${ack}${joiner}${probe.question}`,
        revealedFacts: [],
        followupKey: probe.key,
      };
    }
    return {
      move: 'acknowledge',
      message: `${ack}${joiner}${p.anythingElse(context.stage.title[context.lang])}`,
      revealedFacts: [],
    };
  }

  /** The first thing the candidate has not covered in this stage and was not asked about. */
  private probeTarget(context: InterviewerContext): Candidate | null {
    const { scenario, stage, lang, framework } = context;
    const words = candidateWords(context);
    const asked = askedKeys(context);
    const p = phrases(lang);
    const keyPoints = (scenario.keyPoints[stage.id] ?? []).flatMap((point, index) => {
      const key = `keypoint:${stage.id}:${index}`;
      if (asked.has(key) || covered(words, point.signals)) return [];
      return [{ key, question: p.probeTopic(topicName(point.signals, lang, words)) }];
    });
    if (keyPoints[0]) return keyPoints[0];
    const topic = framework.followupTopics.find(
      (t) =>
        t.stages.includes(stage.id) && !asked.has(`topic:${t.id}`) && !covered(words, t.signals),
    );
    return topic ? { key: `topic:${topic.id}`, question: topic.questions[0]![lang] } : null;
  }

  private followupCandidates(context: InterviewerContext): Candidate[] {
    const { scenario, stage, lang, framework } = context;
    const words = candidateWords(context);
    const fromScenario = scenario.followups.flatMap((f, index) =>
      f.stage === stage.id ? [{ key: `scenario:${index}`, question: f.question[lang] }] : [],
    );
    const fromTopics = framework.followupTopics
      .filter((t) => t.stages.includes(stage.id) && !covered(words, t.signals))
      .map((t) => ({ key: `topic:${t.id}`, question: t.questions[0]![lang] }));
    const fromStage = stage.followups.map((f, index) => ({
      key: `stage:${stage.id}:${index}`,
      question: f[lang],
    }));
    return [...fromScenario, ...fromTopics, ...fromStage];
  }
}
