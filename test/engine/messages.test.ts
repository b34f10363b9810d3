import { describe, expect, it } from 'vitest';
import {
  actionLabel,
  describeError,
  formatHistory,
  formatScore,
  formatStatus,
  hireSignalLabel,
  msg,
  stageHeading,
} from '../../src/engine/messages.ts';
import {
  ACTIONS,
  type ErrorCode,
  HIRE_SIGNALS,
  type HistoryView,
  type StatusView,
} from '../../src/engine/types.ts';

const NO_TITLES = {} as HistoryView['stageTitles'];

const CODES: ErrorCode[] = [
  'unknown-scenario',
  'no-session',
  'session-exists',
  'not-your-session',
  'session-over',
  'empty-answer',
  'rate-limited',
  'budget-exhausted',
  'busy',
  'internal',
];

describe('messages', () => {
  it.each(['en', 'zh'] as const)('every error, action and hire signal has %s wording', (lang) => {
    for (const code of CODES) expect(describeError({ code }, lang).length).toBeGreaterThan(10);
    for (const action of ACTIONS) expect(actionLabel(action, lang)).not.toBe('');
    for (const signal of HIRE_SIGNALS) expect(hireSignalLabel(signal, lang)).not.toBe('');
  });

  it('puts error params into the sentence', () => {
    expect(
      describeError(
        { code: 'unknown-scenario', params: { id: 'yt', suggestions: 'youtube-recommendation' } },
        'en',
      ),
    ).toBe(
      'There is no scenario "yt". Did you mean: youtube-recommendation? List them with the scenarios command.',
    );
    expect(
      describeError({ code: 'unknown-scenario', params: { id: 'zz', suggestions: '' } }, 'en'),
    ).not.toMatch(/Did you mean/);
    expect(
      describeError({ code: 'rate-limited', params: { retryAfterSeconds: 5 } }, 'zh'),
    ).toContain('5 秒');
  });

  it('the scorecard title contains "Scorecard" in both languages (terminal contract)', () => {
    expect(msg('en').scorecardTitle).toContain('Scorecard');
    expect(msg('zh').scorecardTitle).toContain('Scorecard');
  });

  it('formats headings, scores, durations, status and history', () => {
    expect(stageHeading(2, 7, 'Metrics', 'en')).toBe('Stage 2 of 7: Metrics');
    expect(stageHeading(2, 7, '评估指标', 'zh')).toBe('第 2/7 阶段：评估指标');
    expect(formatScore(2.666)).toBe('2.7/4');
    expect(msg('en').duration(125_000)).toBe('2 min 5 s');
    expect(msg('zh').duration(60_000)).toBe('1 分钟');
    const view: StatusView = {
      sessionId: 's',
      scenarioId: 'x',
      scenarioTitle: 'X',
      mode: 'coach',
      lang: 'en',
      difficulty: 'hard',
      status: 'active',
      stage: 'metrics',
      stageTitle: 'Metrics',
      stageNumber: 2,
      stageCount: 3,
      stageElapsedMs: 60_000,
      stageBudgetMs: 300_000,
      elapsedMs: 400_000,
      hintsUsed: 1,
      usage: { requests: 0, promptTokens: 0, completionTokens: 0, cachedTokens: 0 },
      interviewer: 'offline',
      scorer: 'llm',
    };
    expect(formatStatus(view, 'en')).toContain('Stage 2 of 3: Metrics, 1 min of 5 min.');
    expect(
      formatHistory({ entries: [], stageTitles: NO_TITLES, trend: [], trendDelta: null }, 'en'),
    ).toBe('No interviews yet.');
    expect(
      formatHistory(
        {
          entries: [
            {
              sessionId: 's',
              scenarioId: 'x',
              scenarioTitle: 'X',
              startedAt: 0,
              status: 'finished',
              overall: 3,
              stageScores: {},
            },
          ],
          stageTitles: NO_TITLES,
          trend: [3],
          trendDelta: null,
        },
        'en',
      ),
    ).toBe('1970-01-01  X  3.0/4\n1 finished interview; not enough for a trend yet.');
  });
});
