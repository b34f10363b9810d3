import { describe, expect, it } from 'vitest';
import { trendDelta } from '../../src/engine/commands/history.ts';
import type { Reply } from '../../src/engine/types.ts';
import { ANA, harness } from './fakes.ts';

type HistoryReply = Extract<Reply, { kind: 'history' }>;
type ExportReply = Extract<Reply, { kind: 'export' }>;

describe('history', () => {
  it('lists past interviews newest first with per-stage scores and a trend', async () => {
    const h = await harness();
    const answers = [
      'Something vague.',
      'The objective is watch time at scale.',
      'Objective: watch time, scale, latency and qps, engagement, predict ranking problem.',
    ];
    for (const [index, text] of answers.entries()) {
      const sessionId = `s${index + 1}`;
      await h.ok({ kind: 'start', scenarioId: 'mini-recsys' }, { sessionId });
      await h.ok({ kind: 'answer', text }, { sessionId });
      await h.ok({ kind: 'end' }, { sessionId });
      h.clock.advanceMinutes(60);
    }
    await h.ok({ kind: 'start', scenarioId: 'mini-fraud' }, { sessionId: 's4' });
    await h.ok({ kind: 'answer', text: 'Fraud is rare.' }, { sessionId: 's4' });
    await h.ok({ kind: 'abandon' }, { sessionId: 's4' });
    // Ended without a single answer: nothing to judge, not counted in history.
    await h.ok({ kind: 'start', scenarioId: 'mini-fraud' }, { sessionId: 's5' });
    await h.ok({ kind: 'end' }, { sessionId: 's5' });

    const outcome = await h.engine.execute({ actor: ANA, command: { kind: 'history' } });
    if (!outcome.ok) throw new Error('history failed');
    expect(outcome.sessionId).toBeNull();
    const { history } = outcome.replies[0] as HistoryReply;
    expect(history.entries.map((e) => [e.sessionId, e.status])).toEqual([
      ['s4', 'abandoned'],
      ['s3', 'finished'],
      ['s2', 'finished'],
      ['s1', 'finished'],
    ]);
    expect(history.entries[0]!.overall).toBeNull();
    expect(Object.keys(history.entries[1]!.stageScores)).toEqual(['requirements']);
    expect(history.trend).toHaveLength(3);
    // Oldest first, and these answers get better.
    expect(history.trend[0]!).toBeLessThan(history.trend[2]!);
    expect(history.trendDelta).toBeGreaterThan(0);
  });

  it('trend delta: latest three vs the three before; halves with fewer; null below two', () => {
    expect(trendDelta([])).toBeNull();
    expect(trendDelta([2])).toBeNull();
    expect(trendDelta([2, 3])).toBe(1);
    expect(trendDelta([1, 1, 1, 2, 2, 2])).toBe(1);
    expect(trendDelta([4, 1, 1, 1, 3, 3, 3])).toBe(2);
  });
});

describe('export', () => {
  it('returns the transcript and scorecard as Markdown with a safe file name', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys' }, { sessionId: 'discord:123/456' });
    await h.ok(
      { kind: 'answer', text: '# not a heading\nThe objective is watch time | not clicks.' },
      { sessionId: 'discord:123/456' },
    );
    await h.ok({ kind: 'hint' }, { sessionId: 'discord:123/456' });
    await h.ok({ kind: 'end' }, { sessionId: 'discord:123/456' });
    const [reply] = await h.ok({ kind: 'export' }, { sessionId: 'discord:123/456' });
    const { filename, markdown } = reply as ExportReply;
    expect(filename).toBe('ml-interview-mini-recsys-2025-01-06-rd123456.md');
    expect(markdown).toMatch(/^# Mock interview: Mini video recommendations\n/);
    expect(markdown).toContain('## Transcript');
    expect(markdown).toContain('### Stage 1 of 3: Clarifying requirements');
    expect(markdown).toContain('**Interviewer:** We want to recommend videos on our home page.');
    // Candidate text is quoted, so it cannot become Markdown structure.
    expect(markdown).toContain('> # not a heading\n> The objective is watch time | not clicks.');
    expect(markdown).toContain('**Interviewer:** Hint 1 of 3: Hint 1 for requirements');
    expect(markdown).toContain('## Scorecard');
    expect(markdown).toMatch(/\*\*Hire signal:\*\* (Strong no hire|No hire|Lean no hire)/);
    expect(markdown).toContain('**Scored by:** offline (rubric rules, no LLM)');
    expect(markdown).toContain('| Clarifying requirements |');
    expect(markdown).toContain('| Metrics | not reached | 0 | 0 s |');
    expect(markdown).toContain('- **Business objective**: 2/4 (weak), stub 2');
  });

  it('keeps what the candidate typed as text: no bold, link, image or HTML of theirs renders', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys' });
    await h.ok({
      kind: 'answer',
      text: '**Objective**: watch_time, see [docs](javascript:alert(1)) <img src=x onerror=alert(1)> `x`',
    });
    const [reply] = await h.ok({ kind: 'export' });
    const { markdown } = reply as ExportReply;
    expect(markdown).toContain(
      '> \\*\\*Objective\\*\\*: watch\\_time, see \\[docs\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\`x\\`',
    );
    expect(markdown).not.toMatch(/(?<!\\)<img/);
  });

  it('exports in Chinese mid-interview with the scorecard so far', async () => {
    const h = await harness();
    await h.ok({ kind: 'start', scenarioId: 'mini-recsys', lang: 'zh' });
    await h.ok({ kind: 'answer', text: '目标是观看时长。' });
    const [reply] = await h.ok({ kind: 'export' });
    const { markdown } = reply as ExportReply;
    expect(markdown).toMatch(/^# 模拟面试：迷你视频推荐/);
    expect(markdown).toContain('## 面试记录');
    expect(markdown).toContain('## 评分卡 (Scorecard)');
    // No stage closed yet: nothing to judge, so no score is invented.
    expect(markdown).toContain('目前信息不足，无法评判');
    expect(markdown).not.toMatch(/不推荐|1\.0/);
    expect(markdown).toContain('- **状态:** 进行中');
  });
});
