/**
 * Every sentence the engine or an adapter shows a candidate, in English and Chinese.
 *
 * The engine returns data (codes, scores, views); adapters (terminal, Discord, Slack) import
 * these functions for the wording, so all platforms say the same thing and a translation is
 * fixed in one place. Use `msg(lang)` for the full table, or the small helpers below it.
 */
import type {
  Action,
  Difficulty,
  EngineError,
  ErrorCode,
  HireSignal,
  HistoryView,
  Lang,
  Level,
  Mode,
  Scorecard,
  ScorerKind,
  StatusView,
} from './types.ts';

import { practiceText } from './practice-messages.ts';

type Params = Record<string, string | number>;

export interface Messages {
  errors: Record<ErrorCode, (p: Params) => string>;
  actions: Record<Action, string>;
  actionHelp: Record<Action, string>;
  hireSignals: Record<HireSignal, string>;
  modes: Record<Mode, string>;
  difficulties: Record<Difficulty, string>;
  levels: Record<Level, string>;
  scorers: Record<ScorerKind, string>;
  stageHeading: (number: number, total: number, title: string) => string;
  interviewStarted: (title: string, mode: Mode, difficulty: Difficulty, stages: number) => string;
  offlineInterviewer: string;
  offlineScorer: string;
  longAnswer: (length: number, cap: number) => string;
  overCap: (cap: number) => string;
  scoredOnlyCap: (cap: number) => string;
  allHintsUsed: (count: number) => string;
  hint: (number: number, total: number, text: string) => string;
  nudge: (minutesLeft: number, stageTitle: string) => string;
  timeUp: (stageTitle: string) => string;
  resumedPending: string;
  scorecardInProgress: string;
  abandoned: string;
  wrapUp: string;
  stageFeedback: (title: string, score: number, missed: string[]) => string;
  // Scorecard, status, history and export wording.
  scorecardTitle: string;
  overall: string;
  hireSignal: string;
  stage: string;
  score: string;
  level: string;
  hints: string;
  time: string;
  strengths: string;
  gaps: string;
  nextSteps: string;
  mistakes: string;
  mistakeLine: (stage: string, title: string, recovered: boolean, why: string) => string;
  evidence: string;
  feedback: string;
  missedKeyPoints: string;
  notReached: string;
  /** A stage whose answer was too short to grade: shown instead of a score. */
  notEnoughToJudge: string;
  notAnswered: string;
  scoredBy: string;
  none: string;
  transcript: string;
  exportTitle: (scenarioTitle: string) => string;
  interviewer: string;
  candidate: string;
  scenario: string;
  mode: string;
  language: string;
  difficulty: string;
  started: string;
  status: string;
  statusLabel: Record<'active' | 'finished' | 'abandoned', string>;
  strength: (stage: string, criterion: string, level: Level, quote: string | null) => string;
  gap: (stage: string, criterion: string, level: Level, feedback: string) => string;
  missedPoint: (stage: string, point: string) => string;
  /** Practise a key point of this scenario that the candidate missed. */
  nextStepPoint: (stage: string, point: string) => string;
  /** A weak criterion with no missed key point to name: explain, with reasons and figures. */
  nextStepCriterion: (stage: string, criterion: string) => string;
  reachMoreStages: (stages: string[]) => string;
  noStageAnswered: string;
  lessHints: (count: number) => string;
  duration: (ms: number) => string;
  statusText: (view: StatusView) => string;
  historyEmpty: string;
  historyTrend: (delta: number | null, count: number) => string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function durationEn(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return `${s} s`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

function durationZh(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return `${s} 秒`;
  return s === 0 ? `${m} 分钟` : `${m} 分 ${s} 秒`;
}

const EN: Messages = {
  errors: {
    'unknown-scenario': (p) =>
      `There is no scenario "${p.id}".${p.suggestions ? ` Did you mean: ${p.suggestions}?` : ''} List them with the scenarios command.`,
    'no-session': () => 'There is no interview here. Start one first.',
    'session-exists': () => 'An interview is already running here. Continue it, or end it first.',
    'not-your-session': () =>
      'This interview belongs to someone else; only the candidate can act in it. Start your own!',
    'session-over': () =>
      'This interview is over. Ask for the scorecard or export it, or start a new one.',
    'empty-answer': () => 'That message was empty. Type your answer, then send it.',
    'not-a-command': () =>
      'That starts with "/" but is not a command, so it was not taken as your answer. To answer, write it without the leading "/".',
    'rate-limited': (p) =>
      `You are going a bit fast. Please wait ${p.retryAfterSeconds ?? 'a few'} seconds and send it again.`,
    'budget-exhausted': (p) =>
      `You have used today's interview budget. Try again in about ${p.retryAfterMinutes ?? 'a few'} minutes; your interview is saved.`,
    busy: () =>
      'Your previous message is still being handled. Please send this one again in a moment.',
    'unknown-stage': (p) => practiceText('en').unknownStage(p),
    'nothing-due': (p) => practiceText('en').nothingDue(p),
    internal: (p) =>
      p.resend
        ? 'Something went wrong on our side and your last message was not saved. Please send it again.'
        : 'Something went wrong on our side. Your messages are saved; your next message or command picks up where we stopped.',
  },
  actions: { followup: 'Follow-up', hint: 'Hint', next: 'Next stage', end: 'End & score' },
  actionHelp: {
    followup: 'ask the interviewer for a follow-up question',
    hint: 'get a hint for this stage (counted on the scorecard)',
    next: 'close this stage (it is scored) and move on',
    end: 'end the interview and get the scorecard',
  },
  hireSignals: {
    'strong-no-hire': 'Strong no hire',
    'no-hire': 'No hire',
    'lean-no-hire': 'Lean no hire',
    'lean-hire': 'Lean hire',
    hire: 'Hire',
    'strong-hire': 'Strong hire',
  },
  modes: { interview: 'interview', coach: 'coach' },
  difficulties: { easy: 'easy', medium: 'medium', hard: 'hard' },
  levels: { 1: 'poor', 2: 'weak', 3: 'solid', 4: 'excellent' },
  scorers: { offline: 'offline (rubric rules, no LLM)', llm: 'LLM' },
  stageHeading: (n, total, title) => `Stage ${n} of ${total}: ${title}`,
  interviewStarted: (title, mode, difficulty, stages) =>
    `Mock interview: ${title}. ${stages} stages, ${mode} mode${mode === 'coach' ? ' (feedback after each stage)' : ' (feedback at the end)'}, ${difficulty} difficulty.`,
  offlineInterviewer:
    'The interviewer runs offline (no LLM): it answers from the scenario facts and asks prepared follow-ups.',
  offlineScorer: 'Scores are computed offline from the rubric (no LLM) and are labeled "offline".',
  longAnswer: (length, cap) =>
    `Your message is ${length.toLocaleString('en-US')} characters long. It is kept in full in the transcript, but only the first ${cap.toLocaleString('en-US')} characters of this stage are read by the interviewer and the scorer.`,
  overCap: (cap) =>
    `This stage now has more than ${cap.toLocaleString('en-US')} characters of answers. Everything is kept in the transcript, but only the first ${cap.toLocaleString('en-US')} are read by the interviewer and the scorer.`,
  scoredOnlyCap: (cap) =>
    `Only the first ${cap.toLocaleString('en-US')} characters of this stage's answers were scored.`,
  allHintsUsed: (count) =>
    `You have used all ${count} hints for this stage. Go with your best idea, or move on.`,
  hint: (n, total, text) => `Hint ${n} of ${total}: ${text}`,
  nudge: (minutes, title) =>
    `About ${minutes} minute${minutes === 1 ? '' : 's'} left for ${title}. Start wrapping up the key points.`,
  timeUp: (title) => `We are out of time for ${title}, so let's move on.`,
  resumedPending: 'Picking up your earlier message, which was interrupted:',
  scorecardInProgress: 'The interview is still going: this is the scorecard so far.',
  abandoned: 'Interview abandoned. It will not be scored. Start a new one whenever you like.',
  wrapUp: "That's the end of the interview. Thank you! Here is your scorecard.",
  stageFeedback: (title, score, missed) =>
    `Feedback on ${title}: ${round1(score)}/4.${missed.length > 0 ? ` Missed: ${missed.join('; ')}` : ''}`,
  scorecardTitle: 'Scorecard',
  overall: 'Overall',
  hireSignal: 'Hire signal',
  stage: 'Stage',
  score: 'Score',
  level: 'Level',
  hints: 'Hints',
  time: 'Time',
  strengths: 'Strengths',
  gaps: 'Gaps',
  nextSteps: 'Next steps',
  mistakes: 'Design mistakes challenged',
  mistakeLine: (stage, title, recovered, why) =>
    `${stage}: ${title} (${recovered ? 'recovered after the challenge' : 'not recovered'}). ${why}`,
  evidence: 'Evidence',
  feedback: 'Feedback',
  missedKeyPoints: 'Missed key points',
  notReached: 'not reached',
  notEnoughToJudge: 'not enough to judge',
  notAnswered: 'not answered',
  scoredBy: 'Scored by',
  none: 'none',
  transcript: 'Transcript',
  exportTitle: (title) => `Mock interview: ${title}`,
  interviewer: 'Interviewer',
  candidate: 'Candidate',
  scenario: 'Scenario',
  mode: 'Mode',
  language: 'Language',
  difficulty: 'Difficulty',
  started: 'Started',
  status: 'Status',
  statusLabel: { active: 'in progress', finished: 'finished', abandoned: 'abandoned' },
  strength: (stage, criterion, level, quote) =>
    `${stage}, ${criterion} (${level}/4)${quote ? `: "${quote}"` : ''}`,
  gap: (stage, criterion, level, feedback) =>
    `${stage}, ${criterion} (${level}/4)${feedback ? `: ${feedback}` : ''}`,
  missedPoint: (stage, point) => `${stage}: missed "${point}"`,
  nextStepPoint: (stage, point) => `${stage}: practise covering this point: ${point}`,
  nextStepCriterion: (stage, criterion) =>
    `${stage} — ${criterion}: for each choice, say why, what it trades off, and with what numbers`,
  reachMoreStages: (stages) =>
    `Pace yourself to reach every stage; this time you did not cover: ${stages.join(', ')}.`,
  noStageAnswered: 'No stage was answered, so there is nothing to score yet.',
  lessHints: (count) =>
    `Practice without hints: you used ${count}. Rehearse the stages where you needed them.`,
  duration: durationEn,
  statusText: (v) =>
    [
      `${v.scenarioTitle} (${v.mode}, ${v.difficulty}): ${EN.statusLabel[v.status]}.`,
      `Stage ${v.stageNumber} of ${v.stageCount}: ${v.stageTitle}, ${durationEn(v.stageElapsedMs)} of ${durationEn(v.stageBudgetMs)}.`,
      `Total time ${durationEn(v.elapsedMs)}, hints used ${v.hintsUsed}.`,
      `Interviewer: ${EN.scorers[v.interviewer]}. Scorer: ${EN.scorers[v.scorer]}.`,
    ].join('\n'),
  historyEmpty: 'No interviews yet.',
  historyTrend: (delta, count) =>
    delta === null
      ? `${count} finished interview${count === 1 ? '' : 's'}; not enough for a trend yet.`
      : `Trend over ${count} finished interviews: ${delta >= 0 ? '+' : ''}${round1(delta)} (latest vs earlier).`,
};

const ZH: Messages = {
  errors: {
    'unknown-scenario': (p) =>
      `没有名为 "${p.id}" 的题目。${p.suggestions ? `你是不是想找：${p.suggestions}？` : ''}可以用 scenarios 命令查看全部题目。`,
    'no-session': () => '这里还没有面试，请先开始一场。',
    'session-exists': () => '这里已经有一场进行中的面试。请继续，或者先结束它。',
    'not-your-session': () => '这场面试属于别人，只有候选人本人可以操作。你可以开始自己的面试！',
    'session-over': () => '这场面试已经结束。可以查看评分卡、导出记录，或者开始新的面试。',
    'empty-answer': () => '这条消息是空的。请输入你的回答后再发送。',
    'not-a-command': () =>
      '这条消息以 "/" 开头但不是命令，所以没有当作你的回答。要回答，请去掉开头的 "/"。',
    'rate-limited': (p) => `发得有点快了。请等 ${p.retryAfterSeconds ?? '几'} 秒后再发一次。`,
    'budget-exhausted': (p) =>
      `今天的面试额度已用完。请在大约 ${p.retryAfterMinutes ?? '几'} 分钟后再试；你的面试已保存。`,
    busy: () => '上一条消息还在处理中。请稍后再发送这一条。',
    'unknown-stage': (p) => practiceText('zh').unknownStage(p),
    'nothing-due': (p) => practiceText('zh').nothingDue(p),
    internal: (p) =>
      p.resend
        ? '我们这边出了点问题，你的上一条消息没有保存成功。请再发送一次。'
        : '我们这边出了点问题。你的消息都已保存；下一条消息或命令会从中断处继续。',
  },
  actions: { followup: '追问', hint: '提示', next: '下一阶段', end: '结束并评分' },
  actionHelp: {
    followup: '请面试官追问一个问题',
    hint: '获取本阶段的提示（会记在评分卡上）',
    next: '结束本阶段（会评分）并进入下一阶段',
    end: '结束面试并查看评分卡',
  },
  hireSignals: {
    'strong-no-hire': '强烈不推荐录用',
    'no-hire': '不推荐录用',
    'lean-no-hire': '倾向不录用',
    'lean-hire': '倾向录用',
    hire: '推荐录用',
    'strong-hire': '强烈推荐录用',
  },
  modes: { interview: '面试', coach: '教练' },
  difficulties: { easy: '简单', medium: '中等', hard: '困难' },
  levels: { 1: '差', 2: '弱', 3: '扎实', 4: '优秀' },
  scorers: { offline: '离线（基于评分规则，未使用 LLM）', llm: 'LLM' },
  stageHeading: (n, total, title) => `第 ${n}/${total} 阶段：${title}`,
  interviewStarted: (title, mode, difficulty, stages) =>
    `模拟面试：${title}。共 ${stages} 个阶段，${ZH.modes[mode]}模式${mode === 'coach' ? '（每个阶段结束后给反馈）' : '（最后统一给反馈）'}，难度${ZH.difficulties[difficulty]}。`,
  offlineInterviewer:
    '面试官以离线方式运行（未使用 LLM）：根据题目设定回答澄清问题，并提出预设的追问。',
  offlineScorer: '评分以离线方式根据评分规则计算（未使用 LLM），并标注为“离线”。',
  longAnswer: (length, cap) =>
    `你的消息有 ${length} 个字符。完整内容会保存在记录中，但本阶段只有前 ${cap} 个字符会被面试官和评分器读取。`,
  overCap: (cap) =>
    `本阶段的回答已超过 ${cap} 个字符。全部内容都会保存在记录中，但只有前 ${cap} 个字符会被面试官和评分器读取。`,
  scoredOnlyCap: (cap) => `本阶段只有前 ${cap} 个字符的回答参与了评分。`,
  allHintsUsed: (count) =>
    `本阶段的 ${count} 个提示都已用完。按你最好的想法继续，或者进入下一阶段。`,
  hint: (n, total, text) => `提示 ${n}/${total}：${text}`,
  nudge: (minutes, title) => `「${title}」还剩大约 ${minutes} 分钟，请开始收尾关键要点。`,
  timeUp: (title) => `「${title}」的时间到了，我们进入下一阶段。`,
  resumedPending: '继续处理你之前被中断的消息：',
  scorecardInProgress: '面试还在进行中：这是目前为止的评分卡。',
  abandoned: '面试已放弃，不会评分。随时可以开始新的面试。',
  wrapUp: '面试到此结束，谢谢！这是你的评分卡。',
  stageFeedback: (title, score, missed) =>
    `「${title}」阶段反馈：${round1(score)}/4。${missed.length > 0 ? `遗漏：${missed.join('；')}` : ''}`,
  scorecardTitle: '评分卡 (Scorecard)',
  overall: '总分',
  hireSignal: '录用建议',
  stage: '阶段',
  score: '得分',
  level: '等级',
  hints: '提示',
  time: '用时',
  strengths: '优势',
  gaps: '不足',
  nextSteps: '下一步',
  mistakes: '被指出的设计错误',
  mistakeLine: (stage, title, recovered, why) =>
    `${stage}：${title}（${recovered ? '被追问后已纠正' : '未纠正'}）。${why}`,
  evidence: '依据',
  feedback: '反馈',
  missedKeyPoints: '遗漏的要点',
  notReached: '未进行',
  notEnoughToJudge: '内容太少，无法判断',
  notAnswered: '未作答',
  scoredBy: '评分方式',
  none: '无',
  transcript: '面试记录',
  exportTitle: (title) => `模拟面试：${title}`,
  interviewer: '面试官',
  candidate: '候选人',
  scenario: '题目',
  mode: '模式',
  language: '语言',
  difficulty: '难度',
  started: '开始时间',
  status: '状态',
  statusLabel: { active: '进行中', finished: '已结束', abandoned: '已放弃' },
  strength: (stage, criterion, level, quote) =>
    `${stage}，${criterion}（${level}/4）${quote ? `：“${quote}”` : ''}`,
  gap: (stage, criterion, level, feedback) =>
    `${stage}，${criterion}（${level}/4）${feedback ? `：${feedback}` : ''}`,
  missedPoint: (stage, point) => `${stage}：遗漏“${point}”`,
  nextStepPoint: (stage, point) => `${stage}：练习讲清这一点：${point}`,
  nextStepCriterion: (stage, criterion) =>
    `${stage}——${criterion}：每个选择都说明原因、权衡和具体数字`,
  reachMoreStages: (stages) => `注意节奏，争取覆盖所有阶段；这次没有覆盖：${stages.join('、')}。`,
  noStageAnswered: '没有任何阶段作答，暂时无法评分。',
  lessHints: (count) => `尝试不用提示作答：这次用了 ${count} 个提示，多练习需要提示的阶段。`,
  duration: durationZh,
  statusText: (v) =>
    [
      `${v.scenarioTitle}（${ZH.modes[v.mode]}模式，${ZH.difficulties[v.difficulty]}）：${ZH.statusLabel[v.status]}。`,
      `第 ${v.stageNumber}/${v.stageCount} 阶段：${v.stageTitle}，已用 ${durationZh(v.stageElapsedMs)}，预算 ${durationZh(v.stageBudgetMs)}。`,
      `总用时 ${durationZh(v.elapsedMs)}，已用提示 ${v.hintsUsed} 个。`,
      `面试官：${ZH.scorers[v.interviewer]}。评分：${ZH.scorers[v.scorer]}。`,
    ].join('\n'),
  historyEmpty: '还没有面试记录。',
  historyTrend: (delta, count) =>
    delta === null
      ? `已完成 ${count} 场面试，还不足以看出趋势。`
      : `${count} 场已完成面试的趋势：${delta >= 0 ? '+' : ''}${round1(delta)}（最近对比之前）。`,
};

const TABLE: Record<Lang, Messages> = { en: EN, zh: ZH };

/** The wording table for `lang`. */
export function msg(lang: Lang): Messages {
  return TABLE[lang];
}

/** The sentence to show for an engine error. */
export function describeError(error: EngineError, lang: Lang): string {
  return TABLE[lang].errors[error.code](error.params ?? {});
}

export function actionLabel(action: Action, lang: Lang): string {
  return TABLE[lang].actions[action];
}

export function hireSignalLabel(signal: HireSignal, lang: Lang): string {
  return TABLE[lang].hireSignals[signal];
}

export function scorerLabel(kind: ScorerKind, lang: Lang): string {
  return TABLE[lang].scorers[kind];
}

/** "Stage 2 of 7: Metrics". */
export function stageHeading(number: number, total: number, title: string, lang: Lang): string {
  return TABLE[lang].stageHeading(number, total, title);
}

/** Score as shown everywhere: one decimal, "/4". */
export function formatScore(score: number): string {
  return `${round1(score).toFixed(1)}/4`;
}

/** A stage's score as shown everywhere, or "not enough to judge" when there was too little to grade. */
export function formatStageScore(
  score: { score: number; insufficient?: boolean | undefined },
  lang: Lang,
): string {
  return score.insufficient ? TABLE[lang].notEnoughToJudge : formatScore(score.score);
}

export function formatStatus(view: StatusView, lang: Lang): string {
  return TABLE[lang].statusText(view);
}

/** Plain-text history: one line per interview, then the trend. */
export function formatHistory(view: HistoryView, lang: Lang): string {
  const m = TABLE[lang];
  if (view.entries.length === 0) return m.historyEmpty;
  const lines = view.entries.map((e) => {
    const date = new Date(e.startedAt).toISOString().slice(0, 10);
    const score = e.overall === null ? m.statusLabel[e.status] : formatScore(e.overall);
    const drill = e.drill ? ` (${practiceText(lang).drillLabel})` : '';
    return `${date}  ${e.scenarioTitle}${drill}  ${score}`;
  });
  lines.push(m.historyTrend(view.trendDelta, view.trend.length));
  return lines.join('\n');
}

/** The scorecard's design-mistake lines, for every renderer. */
export function mistakeLines(card: Scorecard): string[] {
  const m = msg(card.lang);
  return (card.mistakes ?? []).map((x) => m.mistakeLine(x.stage, x.title, x.recovered, x.why));
}
