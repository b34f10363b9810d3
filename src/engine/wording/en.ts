/** The English wording table. */
import { practiceText } from '../practice-messages.ts';
import { type Messages, round1 } from './table.ts';

function durationEn(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  if (m === 0) return `${s} s`;
  return s === 0 ? `${m} min` : `${m} min ${s} s`;
}

export const EN: Messages = {
  notes: {
    agreement: ({ samples, spread }) =>
      spread === 0
        ? `${samples} samples agreed on every criterion`
        : `${samples} samples varied by up to ${spread} level${spread === 1 ? '' : 's'} on a criterion (median taken)`,
    'dropped-samples': ({ dropped, asked, reason }) =>
      `${dropped} of ${asked} samples ${dropped === 1 ? 'was' : 'were'} unusable and dropped (${reason})`,
    'unsupported-yes': ({ count }) =>
      `${count} check${count === 1 ? '' : 's'} answered yes with a quote not in the answer ${count === 1 ? 'was' : 'were'} counted as no`,
    'judge-no-answer': () => 'scored offline: there was no answer to grade',
    'judge-failed': ({ reason }) => `scored offline: the LLM scorer failed (${reason})`,
    'scored-offline': () =>
      'Scored offline: a model of the rubric trained on labeled answers (no LLM), a rough guide.',
    'answer-truncated': ({ chars }) =>
      `The answer is very long: only its first ${chars} characters were scored.`,
    'instructions-ignored': ({ count }) =>
      `Ignored ${count} sentence(s) addressed to the grader; scored the rest of the answer.`,
    'nothing-to-score': () => 'Nothing to score in this answer.',
    'off-stage': ({ stage, also }) =>
      also?.length
        ? `This answer mostly addresses other stages (${[stage, ...also].map((s) => `"${s.en}"`).join(', ')}), not this stage's question.`
        : `This answer mostly addresses the "${stage.en}" stage, not this stage's question.`,
    'wrong-idea': ({ kind, quote, term, why }) => {
      const read = {
        claim: 'Read as a wrong idea',
        misdefined: `Read as a definition of ${term} that misses what it is`,
        misused: `Read as ${term} used for something it does not do`,
        backwards: `Read as ${term} judged the wrong way round`,
        dismissed: 'Read as a standard practice dismissed without a reason',
        misfit: "Read as a choice this scenario's facts rule out",
      }[kind];
      return `${read}: “${quote}”${why ? ` Why: ${why.en}` : ''}`;
    },
    'off-scenario': ({ scenario }) =>
      `This answer seems to be about a different problem (${scenario.en}), not this scenario.`,
    'scored-only-cap': ({ cap }) =>
      `Only the first ${cap.toLocaleString('en-US')} characters of this stage's answers were scored.`,
    check: ({ text }) => text,
    'more-checks': ({ count }) => `…and ${count} more checks.`,
  },
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
      p.scope === 'team'
        ? `This workspace (or server) is sending more turns than its share right now. Please wait ${p.retryAfterSeconds ?? 'a few'} seconds and send it again; your interview is saved.`
        : `You are going a bit fast. Please wait ${p.retryAfterSeconds ?? 'a few'} seconds and send it again.`,
    'budget-exhausted': (p) =>
      p.scope === 'team'
        ? `This workspace (or server) has used today's shared interview budget. Try again in about ${p.retryAfterMinutes ?? 'a few'} minutes; your interview is saved.`
        : `You have used today's interview budget. Try again in about ${p.retryAfterMinutes ?? 'a few'} minutes; your interview is saved.`,
    busy: () =>
      'Your previous message is still being handled. Please send this one again in a moment.',
    overloaded: (p) =>
      `The interviewer is busy with many candidates right now, so your message was not taken. Please send it again in about ${p.retryAfterSeconds ?? 'a few'} seconds.`,
    'store-down': () =>
      'We cannot reach our storage right now, so your message was not handled. Please send it again in a minute; your interview so far is safe.',
    restarting: (p) =>
      p.resend
        ? 'The bot is restarting and your last message was cut off. Please send it again in a minute.'
        : 'The bot is restarting. Please send your message again in a minute.',
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
  wrongIdeaGap: (stage, note) => `${stage}: ${note}`,
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
  historyAwaitingSelfRatings: 'score after your self-ratings',
  historyTrend: (delta, count) =>
    delta === null
      ? `${count} finished interview${count === 1 ? '' : 's'}; not enough for a trend yet.`
      : `Trend over ${count} finished interviews: ${delta >= 0 ? '+' : ''}${round1(delta)} (latest vs earlier).`,
};
