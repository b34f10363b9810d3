/**
 * Engine replies → terminal text. Colors only when the output is a TTY; plain text when piped,
 * so scripts and tests read the same words a person sees.
 */
import Table from 'cli-table3';
import pc from 'picocolors';
import type { Lang, Reply, Scorecard, StageScore } from '../../engine/types.ts';

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

const HEADINGS = {
  en: {
    scorecard: 'Scorecard',
    overall: 'Overall',
    hire: 'Hire signal',
    stage: 'Stage',
    score: 'Score',
    hints: 'Hints',
    time: 'Time',
    notReached: 'not reached',
    strengths: 'Strengths',
    gaps: 'Gaps',
    nextSteps: 'Next steps',
    scoredBy: 'Scored by',
    missed: 'Key points missed',
    evidence: 'evidence',
    stageFeedback: 'Stage feedback',
    status: 'Status',
    history: 'Past interviews',
    trend: 'Trend',
    none: 'No interviews yet.',
    tokens: 'tokens',
  },
  zh: {
    scorecard: 'Scorecard 评分卡',
    overall: '总分',
    hire: '录用建议',
    stage: '阶段',
    score: '得分',
    hints: '提示',
    time: '用时',
    notReached: '未进行',
    strengths: '优势',
    gaps: '不足',
    nextSteps: '下一步',
    scoredBy: '评分方式',
    missed: '遗漏的要点',
    evidence: '依据',
    stageFeedback: '阶段反馈',
    status: '状态',
    history: '历史面试',
    trend: '趋势',
    none: '还没有面试记录。',
    tokens: 'tokens',
  },
} as const;

function minutes(ms: number): string {
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

function scoreText(score: number): string {
  return `${score.toFixed(1)}/4`;
}

function list(title: string, items: string[], p: Palette): string[] {
  if (items.length === 0) return [];
  return [p.bold(title), ...items.map((item) => `  • ${safeText(item)}`)];
}

function stageScoreDetail(score: StageScore, lang: Lang, p: Palette): string[] {
  const h = HEADINGS[lang];
  const lines: string[] = [];
  for (const criterion of score.criteria) {
    lines.push(`  ${p.cyan(criterion.id)} ${criterion.level}/4 — ${safeText(criterion.feedback)}`);
    for (const quote of criterion.evidence.slice(0, 2)) {
      lines.push(p.dim(`      ${h.evidence}: “${safeText(quote)}”`));
    }
  }
  if (score.missedKeyPoints.length > 0)
    lines.push(...list(`  ${h.missed}`, score.missedKeyPoints, p));
  for (const note of score.notes) lines.push(p.yellow(`  ${safeText(note)}`));
  return lines;
}

export function renderScorecard(card: Scorecard, options: RenderOptions): string {
  const p = options.color ? colored : plain;
  const h = HEADINGS[options.lang];
  const table = new Table({
    head: [h.stage, h.score, h.hints, h.time],
    style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
  });
  for (const stage of card.stages) {
    table.push([
      stage.title,
      stage.score ? scoreText(stage.score.score) : h.notReached,
      String(stage.hintsUsed),
      minutes(stage.durationMs),
    ]);
  }
  const lines = [
    p.bold(`${h.scorecard} — ${safeText(card.scenarioTitle)}`),
    `${h.overall}: ${p.bold(scoreText(card.overall))}   ${h.hire}: ${p.bold(card.hireSignal)}   ${h.hints}: ${card.hintsUsed}   ${h.time}: ${minutes(card.durationMs)}`,
    `${h.scoredBy}: ${card.scorers.join(', ')}`,
    table.toString(),
  ];
  for (const stage of card.stages) {
    if (!stage.score) continue;
    lines.push(p.bold(`${stage.title} — ${scoreText(stage.score.score)}`));
    lines.push(...stageScoreDetail(stage.score, options.lang, p));
  }
  lines.push(...list(h.strengths, card.strengths, p));
  lines.push(...list(h.gaps, card.gaps, p));
  lines.push(...list(h.nextSteps, card.nextSteps, p));
  return lines.join('\n');
}

export function renderReply(reply: Reply, options: RenderOptions): string {
  const p = options.color ? colored : plain;
  const h = HEADINGS[options.lang];
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
          `${h.stageFeedback}: ${safeText(reply.title)} — ${scoreText(reply.score.score)} (${reply.score.scorer})`,
        ),
        safeText(reply.score.feedback),
        ...stageScoreDetail(reply.score, options.lang, p),
      ].join('\n');
    case 'scorecard':
      return renderScorecard(reply.scorecard, options);
    case 'status': {
      const s = reply.status;
      return [
        p.bold(
          `${h.status}: ${safeText(s.scenarioTitle)} (${s.mode}, ${s.lang}, ${s.difficulty}) — ${s.status}`,
        ),
        `  ${h.stage} ${s.stageNumber}/${s.stageCount}: ${s.stageTitle}  ${minutes(s.stageElapsedMs)} / ${minutes(s.stageBudgetMs)}`,
        `  ${h.time}: ${minutes(s.elapsedMs)}   ${h.hints}: ${s.hintsUsed}`,
        `  interviewer: ${s.interviewer}   scorer: ${s.scorer}`,
        `  ${h.tokens}: ${s.usage.promptTokens} prompt, ${s.usage.completionTokens} completion, ${s.usage.cachedTokens} cached (${s.usage.requests} requests)`,
      ].join('\n');
    }
    case 'history': {
      const { entries, trend, trendDelta } = reply.history;
      if (entries.length === 0) return h.none;
      const table = new Table({
        head: ['', h.stage, h.overall, 'status'],
        style: { head: options.color ? ['cyan'] : [], border: options.color ? ['grey'] : [] },
      });
      for (const e of entries) {
        table.push([
          new Date(e.startedAt).toISOString().slice(0, 16).replace('T', ' '),
          e.scenarioTitle,
          e.overall === null ? '—' : scoreText(e.overall),
          e.status,
        ]);
      }
      const trendLine =
        trend.length > 1
          ? `${h.trend}: ${trend.map((t) => t.toFixed(1)).join(' → ')}${trendDelta === null ? '' : ` (${trendDelta >= 0 ? '+' : ''}${trendDelta.toFixed(2)})`}`
          : '';
      return [p.bold(h.history), table.toString(), trendLine].filter(Boolean).join('\n');
    }
    case 'export':
      return reply.markdown;
  }
}
