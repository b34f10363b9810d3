/** The `export` file: transcript and scorecard as Markdown, in the interview's language. */
import { stageById } from '../knowledge/knowledge.ts';
import type { Framework, Scenario } from '../knowledge/schema.ts';
import { formatScore, formatStageScore, msg, noteText } from './messages.ts';
import { gapLines, type ReplayLink, replayMistakeLines } from './replay.ts';
import { replayText } from './replay-wording.ts';
import { awaitingSelfAssessment } from './self-assessment.ts';
import { notices } from './notices.ts';
import type { Lang, Scorecard, Session, StageScore, Turn } from './types.ts';

export interface MarkdownInput {
  session: Readonly<Session>;
  scenario: Scenario;
  framework: Framework;
  /** Null while no stage has a score: the file then says there is not enough to judge. */
  scorecard: Scorecard | null;
}

/** A safe, readable file name: ml-interview-<scenario>-<date>-<session>.md */
export function exportFilename(session: Readonly<Session>): string {
  const date = new Date(session.createdAt).toISOString().slice(0, 10);
  const id = session.id.replace(/[^A-Za-z0-9]+/g, '').slice(-8) || 'session';
  return `ml-interview-${session.scenarioId}-${date}-${id}.md`;
}

/**
 * Text we did not write (the candidate's, or quoted from it) with its inline markup escaped:
 * `**`, links, `<img …>` or backticks a candidate typed stay text in any Markdown viewer.
 */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>~]/g, '\\$&');
}

/** Candidate text as a block quote, so nothing they typed turns into headings or tables. */
function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeInline(line)}`))
    .join('\n');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function transcript(input: MarkdownInput): string[] {
  const { session, framework } = input;
  const m = msg(session.lang);
  const lines: string[] = [`## ${m.transcript}`, ''];
  let currentStage: Turn['stage'] | null = null;
  session.turns.forEach((turn, index) => {
    if (turn.stage !== currentStage) {
      currentStage = turn.stage;
      const index = session.plan.indexOf(turn.stage);
      const title = stageById(framework, turn.stage).title[session.lang];
      lines.push(`### ${m.stageHeading(index + 1, session.plan.length, title)}`, '');
    }
    // Numbered, with an anchor, so the scorecard's gaps and mistakes link back (replay).
    const number = `${turnAnchor(index + 1)}**#${index + 1}**`;
    if (turn.role === 'candidate') {
      lines.push(`${number} **${m.candidate}:**`, '', quoteBlock(turn.text), '');
    } else {
      lines.push(`${number} **${m.interviewer}:** ${turn.text}`, '');
    }
  });
  return lines;
}

function turnAnchor(n: number): string {
  return `<a id="turn-${n}"></a>`;
}

/** A link to a numbered turn of the transcript above. */
function exportLink(lang: Lang): ReplayLink {
  return (ref) => `([${replayText(lang).turn(ref.turn)}](#turn-${ref.turn}))`;
}

function stageDetail(score: StageScore, title: string, input: MarkdownInput): string[] {
  const { session, framework } = input;
  const lang = session.lang;
  const m = msg(lang);
  const stage = stageById(framework, score.stage);
  const lines = [`### ${title}: ${formatStageScore(score, lang)}`, ''];
  for (const c of score.criteria) {
    const name = stage.criteria.find((k) => k.id === c.id)?.name[lang] ?? c.id;
    lines.push(
      `- **${name}**: ${c.level}/4 (${m.levels[c.level]})${c.feedback ? `, ${escapeInline(c.feedback)}` : ''}`,
    );
    for (const quote of c.evidence)
      lines.push(`  - ${m.evidence}: “${escapeInline(quote.replace(/\n/g, ' '))}”`);
  }
  if (score.feedback) lines.push('', `${m.feedback}: ${escapeInline(score.feedback)}`);
  if (score.missedKeyPoints.length > 0) {
    lines.push('', `${m.missedKeyPoints}:`, ...score.missedKeyPoints.map((p) => `- ${p}`));
  }
  for (const note of score.notes) lines.push('', `_${noteText(note, lang)}_`);
  lines.push('');
  return lines;
}

function scorecardSection(input: MarkdownInput): string[] {
  const { scorecard: card, session } = input;
  const m = msg(session.lang);
  if (!card) {
    const n = notices(session.lang);
    const text = awaitingSelfAssessment(session)
      ? replayText(session.lang).scorecardAfterRating
      : session.status === 'active'
        ? n.notEnoughToJudgeYet
        : n.notEnoughToJudge;
    return [`## ${m.scorecardTitle}`, '', text, ''];
  }
  const scorers = card.scorers.map((k) => m.scorers[k]).join(', ') || m.none;
  const lines = [
    `## ${m.scorecardTitle}`,
    '',
    `- **${m.overall}:** ${formatScore(card.overall)} (${m.levels[card.level]})`,
    `- **${m.hireSignal}:** ${m.hireSignals[card.hireSignal]}`,
    `- **${m.hints}:** ${card.hintsUsed}`,
    `- **${m.time}:** ${m.duration(card.durationMs)}`,
    `- **${m.scoredBy}:** ${scorers}`,
    '',
    `| ${m.stage} | ${m.score} | ${m.hints} | ${m.time} |`,
    '|---|---|---|---|',
  ];
  const reachedIndex = session.stageIndex;
  card.stages.forEach((s, index) => {
    const score = s.score
      ? formatStageScore(s.score, session.lang)
      : index <= reachedIndex
        ? m.notAnswered
        : m.notReached;
    lines.push(`| ${cell(s.title)} | ${score} | ${s.hintsUsed} | ${m.duration(s.durationMs)} |`);
  });
  lines.push('');
  for (const s of card.stages) {
    if (s.score) lines.push(...stageDetail(s.score, s.title, input));
  }
  const list = (title: string, items: string[]) =>
    items.length === 0 ? [] : [`### ${title}`, '', ...items.map((i) => `- ${i}`), ''];
  lines.push(
    ...list(m.strengths, card.strengths.map(escapeInline)),
    ...list(m.gaps, gapLines(card, exportLink(card.lang), escapeInline)),
    ...list(m.nextSteps, card.nextSteps),
    ...list(m.mistakes, replayMistakeLines(card, exportLink(card.lang))),
  );
  return lines;
}

export function renderMarkdown(input: MarkdownInput): string {
  const { session, scenario } = input;
  const lang = session.lang;
  const m = msg(lang);
  const header = [
    `# ${m.exportTitle(scenario.title[lang])}`,
    '',
    `- **${m.scenario}:** ${scenario.title[lang]} (\`${scenario.id}\`)`,
    `- **${m.mode}:** ${m.modes[session.mode]}`,
    `- **${m.difficulty}:** ${m.difficulties[session.difficulty]}`,
    `- **${m.language}:** ${lang}`,
    `- **${m.started}:** ${new Date(session.createdAt).toISOString()}`,
    `- **${m.status}:** ${m.statusLabel[session.status]}`,
    '',
  ];
  return `${[...header, ...transcript(input), ...scorecardSection(input)].join('\n').trimEnd()}\n`;
}
