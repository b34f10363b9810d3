/**
 * Engine replies → terminal text. Colors only when the output is a TTY; plain text when piped,
 * so scripts and tests read the same words a person sees.
 */
import Table from 'cli-table3';
import pc from 'picocolors';
import {
  formatScore,
  formatStageScore,
  formatStatus,
  hireSignalLabel,
  selfTrendLine,
  msg,
  noteText,
} from '../../engine/messages.ts';
import { gapLines, replayMistakeLines, turnNumberOnly } from '../../engine/replay.ts';
import { replayText } from '../../engine/replay-wording.ts';
import { selfAssessmentLines } from '../../engine/self-assessment.ts';
import { forgetWording } from '../../engine/forget-wording.ts';
import type { Lang, Reply, Scorecard, StageId, StageScore } from '../../engine/types.ts';
import { STAGE_IDS } from '../../engine/types.ts';
import { practiceText } from '../../engine/practice-messages.ts';
import { renderModelAnswer } from './practice-render.ts';
import { progressText } from './progress-text.ts';

export interface RenderOptions {
  lang: Lang;
  color: boolean;
}

type Paint = (s: string) => string;
interface Palette {
  bold: Paint;
  dim: Paint;
  cyan: Paint;
  green: Paint;
  yellow: Paint;
  red: Paint;
}

const identity: Paint = (s) => s;
const plain: Palette = {
  bold: identity,
  dim: identity,
  cyan: identity,
  green: identity,
  yellow: identity,
  red: identity,
};
const colored: Palette = {
  bold: pc.bold,
  dim: pc.dim,
  cyan: pc.cyan,
  green: pc.green,
  yellow: pc.yellow,
  red: pc.red,
};

/** Strip terminal escape sequences and other control characters from text we did not write. */
export function safeText(text: string): string {
  return text
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

function minutes(ms: number): string {
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

function list(title: string, items: string[], p: Palette): string[] {
  if (items.length === 0) return [];
  return [p.bold(title), ...items.map((item) => `  • ${safeText(item)}`)];
}

function stageScoreDetail(score: StageScore, lang: Lang, p: Palette): string[] {
  const h = msg(lang);
  const lines: string[] = [];
  for (const criterion of score.criteria) {
    // The feedback already names the criterion and its level.
    lines.push(`  ${p.cyan('•')} ${safeText(criterion.feedback)}`);
    for (const quote of criterion.evidence.slice(0, 2)) {
      lines.push(p.dim(`      ${h.evidence.toLowerCase()}: “${safeText(quote)}”`));
    }
  }
  if (score.missedKeyPoints.length > 0)
    lines.push(...list(`  ${h.missedKeyPoints}`, score.missedKeyPoints, p));
  for (const note of score.notes) lines.push(p.yellow(`  ${safeText(noteText(note, lang))}`));
  return lines;
}

/** Per-stage scores in framework order, compact: "requirements 3.0, metrics 2.5". */
function stageScoreList(scores: Partial<Record<StageId, number>>): string {
  return STAGE_IDS.flatMap((id) => {
    const score = scores[id];
    return score === undefined ? [] : [`${id} ${score.toFixed(1)}`];
  }).join(', ');
}

function tokenLine(usage: {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
}): string {
  return `LLM: ${usage.requests} requests, ${usage.promptTokens} prompt + ${usage.completionTokens} completion tokens (${usage.cachedTokens} cached)`;
}

export function renderScorecard(card: Scorecard, options: RenderOptions): string {
  const p = options.color ? colored : plain;
  const h = msg(options.lang);
  const table = new Table({
    head: [h.stage, h.score, h.hints, h.time],
    style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
  });
  for (const stage of card.stages) {
    table.push([
      stage.title,
      stage.score ? formatStageScore(stage.score, options.lang) : h.notReached,
      String(stage.hintsUsed),
      minutes(stage.durationMs),
    ]);
  }
  const lines = [
    p.bold(`${h.scorecardTitle} — ${safeText(card.scenarioTitle)}`),
    `${h.overall}: ${p.bold(formatScore(card.overall))}   ${h.hireSignal}: ${p.bold(hireSignalLabel(card.hireSignal, options.lang))}   ${h.hints}: ${card.hintsUsed}   ${h.time}: ${minutes(card.durationMs)}`,
    `${h.scoredBy}: ${card.scorers.map((k) => h.scorers[k]).join(', ')}`,
    table.toString(),
  ];
  for (const stage of card.stages) {
    if (!stage.score) continue;
    lines.push(p.bold(`${stage.title} — ${formatStageScore(stage.score, options.lang)}`));
    lines.push(...stageScoreDetail(stage.score, options.lang, p));
  }
  lines.push(...list(h.strengths, card.strengths, p));
  lines.push(...list(h.gaps, gapLines(card, turnNumberOnly), p));
  lines.push(...list(h.nextSteps, card.nextSteps, p));
  lines.push(...list(h.mistakes, replayMistakeLines(card, turnNumberOnly), p));
  lines.push(...list(replayText(options.lang).selfTitle, selfAssessmentLines(card), p));
  return lines.join('\n');
}

export function renderReply(reply: Reply, options: RenderOptions): string {
  const p = options.color ? colored : plain;
  const h = msg(options.lang);
  switch (reply.kind) {
    case 'message': {
      const text = safeText(reply.text);
      if (reply.from === 'system') return reply.tone === 'warning' ? p.yellow(text) : p.dim(text);
      return `${p.green('interviewer>')} ${text}`;
    }
    case 'stage-opened':
      return [
        p.bold(p.cyan(`── [${reply.number}/${reply.total}] ${safeText(reply.title)} ──`)),
        `${p.green('interviewer>')} ${safeText(reply.question)}`,
      ].join('\n');
    case 'stage-feedback':
      return [
        p.bold(
          `${h.feedback}: ${safeText(reply.title)} — ${formatStageScore(reply.score, options.lang)} (${h.scorers[reply.score.scorer]})`,
        ),
        safeText(reply.score.feedback),
        ...stageScoreDetail(reply.score, options.lang, p),
      ].join('\n');
    case 'scorecard':
      return renderScorecard(reply.scorecard, options);
    case 'status': {
      const last = reply.status.lastInterviewerMessage;
      return [
        p.bold(h.status),
        formatStatus(reply.status, options.lang),
        tokenLine(reply.status.usage),
        last ? `${p.green('interviewer>')} ${safeText(last)}` : '',
      ]
        .filter(Boolean)
        .join('\n');
    }
    case 'history': {
      const { entries, trend, trendDelta } = reply.history;
      if (entries.length === 0) return h.historyEmpty;
      const table = new Table({
        head: [h.started, h.scenario, h.overall, h.status, `${h.stage}: ${h.score}`],
        style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
      });
      for (const e of entries) {
        table.push([
          new Date(e.startedAt).toISOString().slice(0, 16).replace('T', ' '),
          e.drill
            ? `${e.scenarioTitle} (${practiceText(options.lang).drillLabel})`
            : e.scenarioTitle,
          e.awaitingSelfRatings
            ? h.historyAwaitingSelfRatings
            : e.overall === null
              ? '—'
              : formatScore(e.overall),
          h.statusLabel[e.status],
          stageScoreList(e.stageScores),
        ]);
      }
      const trendLine = trend.length > 1 ? trend.map((t) => t.toFixed(1)).join(' → ') : '';
      return [
        table.toString(),
        trendLine,
        h.historyTrend(trendDelta, trend.length),
        progressText(reply.history, options.lang),
        selfTrendLine(reply.history, options.lang),
      ]
        .filter(Boolean)
        .join('\n');
    }
    case 'export':
      return reply.markdown;
    case 'forget':
      return reply.step === 'confirm'
        ? p.yellow(`${reply.text} ${forgetWording(options.lang).typed('/forget-me confirm')}`)
        : reply.text;
    case 'model-answer':
      return renderModelAnswer(reply, options.lang, p.bold);
    case 'self-assess':
      return `${p.green('interviewer>')} ${safeText(reply.text)}\n${p.dim(replayText(options.lang).rateTyped)}`;
  }
}
