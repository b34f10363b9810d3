/** The Chinese wording table. */
import { practiceText } from '../practice-messages.ts';
import { type Messages, round1 } from './table.ts';

function durationZh(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return `${s} 秒`;
  return s === 0 ? `${m} 分钟` : `${m} 分 ${s} 秒`;
}

export const ZH: Messages = {
  notes: {
    agreement: ({ samples, spread }) =>
      spread === 0
        ? `${samples} 次评分在每项标准上一致`
        : `${samples} 次评分在单项标准上最多相差 ${spread} 级（取中位数）`,
    'dropped-samples': ({ dropped, asked, reason }) =>
      `${asked} 次评分中有 ${dropped} 次无法使用，已舍弃（${reason}）`,
    'unsupported-yes': ({ count }) => `${count} 项检查答「是」但引文不在回答中，按「否」计`,
    'judge-no-answer': () => '离线评分：没有可评分的回答',
    'judge-failed': ({ reason }) => `离线评分：LLM 评分失败（${reason}）`,
    'scored-offline': () => '离线评分：基于标注答案训练的评分模型（未使用 LLM），仅供参考。',
    'answer-truncated': ({ chars }) => `回答过长，只评了前 ${chars} 个字符。`,
    'instructions-ignored': ({ count }) => `忽略了 ${count} 句试图指挥评分的内容，按其余内容评分。`,
    'nothing-to-score': () => '没有可评分的内容。',
    'off-stage': ({ stage, also }) =>
      also?.length
        ? `这个回答讲的主要是其他阶段（${[stage, ...also].map((s) => `「${s.zh}」`).join('')}）的内容，而不是本阶段的问题。`
        : `这个回答讲的主要是「${stage.zh}」阶段的内容，而不是本阶段的问题。`,
    'wrong-idea': ({ kind, quote, term, why }) => {
      // A Latin term sits between spaces in Chinese text ("对 PR-AUC 的"), a Chinese one does not.
      const t = term && /[A-Za-z0-9]/.test(term) ? ` ${term} ` : (term ?? '');
      const read = {
        claim: '被判为错误的说法',
        misdefined: `对${t}的定义没有抓住其含义`,
        misused: `把${t}用在了它解决不了的问题上`,
        backwards: `把${t}的好坏方向说反了`,
        dismissed: '没有给出理由就否定了一个标准做法',
        misfit: '的选择不符合本场景的条件',
      }[kind];
      return `「${quote}」${read}${why ? `。原因：${why.zh}` : '。'}`;
    },
    'off-scenario': ({ scenario }) =>
      `这个回答讲的似乎是另一道题（${scenario.zh}），而不是本题的场景。`,
    'scored-only-cap': ({ cap }) => `本阶段只有前 ${cap} 个字符的回答参与了评分。`,
    check: ({ text }) => text,
    'more-checks': ({ count }) => `另有 ${count} 条检查结果。`,
  },
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
    'rate-limited': (p) =>
      p.scope === 'team'
        ? `这个工作区（或服务器）现在发送的回合超出了它的份额。请等 ${p.retryAfterSeconds ?? '几'} 秒后再发一次；你的面试已保存。`
        : `发得有点快了。请等 ${p.retryAfterSeconds ?? '几'} 秒后再发一次。`,
    'budget-exhausted': (p) =>
      p.scope === 'team'
        ? `这个工作区（或服务器）今天共享的面试额度已用完。请在大约 ${p.retryAfterMinutes ?? '几'} 分钟后再试；你的面试已保存。`
        : `今天的面试额度已用完。请在大约 ${p.retryAfterMinutes ?? '几'} 分钟后再试；你的面试已保存。`,
    busy: () => '上一条消息还在处理中。请稍后再发送这一条。',
    overloaded: (p) =>
      `面试官现在同时在面很多候选人，这条消息没有被接收。请在大约 ${p.retryAfterSeconds ?? '几'} 秒后再发送一次。`,
    'store-down': () =>
      '我们暂时连不上存储，这条消息没有被处理。请一分钟后再发送一次；之前的面试内容不会丢失。',
    restarting: (p) =>
      p.resend
        ? '机器人正在重启，你的上一条消息被中断了。请一分钟后再发送一次。'
        : '机器人正在重启。请一分钟后再发送你的消息。',
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
  wrongIdeaGap: (stage, note) => `${stage}：${note}`,
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
  historyAwaitingSelfRatings: '完成自评后显示分数',
  historyTrend: (delta, count) =>
    delta === null
      ? `已完成 ${count} 场面试，还不足以看出趋势。`
      : `${count} 场已完成面试的趋势：${delta >= 0 ? '+' : ''}${round1(delta)}（最近对比之前）。`,
};
