/**
 * Stage score notes are codes the engine words in the interview's language; a session stored
 * before notes had codes keeps its plain sentences, shown as they were, on every platform.
 */
import { describe, expect, it } from 'vitest';
import { renderReplies as renderDiscord } from '../../src/adapters/discord/render.ts';
import { stageScoreLines } from '../../src/adapters/slack/render/stage-score.ts';
import { renderReply as renderTerminal } from '../../src/adapters/terminal/render.ts';
import { msg, noteText, type ScoreNote } from '../../src/engine/messages.ts';
import type { StageScore } from '../../src/engine/types.ts';

const EVERY_CODE: ScoreNote[] = [
  { code: 'scored-offline' },
  { code: 'answer-truncated', chars: 20_000 },
  { code: 'instructions-ignored', count: 2 },
  { code: 'nothing-to-score' },
  { code: 'off-stage', stage: { en: 'Serving', zh: '部署服务' } },
  { code: 'off-scenario', scenario: { en: 'Search ranking', zh: '搜索排序' } },
  { code: 'judge-no-answer' },
  { code: 'judge-failed', reason: 'server error (503)' },
  { code: 'unsupported-yes', count: 1 },
  { code: 'dropped-samples', dropped: 1, asked: 3, reason: 'timeout' },
  { code: 'agreement', samples: 3, spread: 1 },
  { code: 'scored-only-cap', cap: 20_000 },
  { code: 'more-checks', count: 4 },
  {
    code: 'wrong-idea',
    kind: 'claim',
    quote: 'We skip the baseline.',
    why: { en: 'A baseline shows value.', zh: 'A baseline shows value.' },
  },
  { code: 'wrong-idea', kind: 'misdefined', quote: 'Recall means speed.', term: 'Recall' },
  { code: 'wrong-idea', kind: 'misused', quote: 'PSI to improve NDCG.', term: 'PSI' },
  {
    code: 'wrong-idea',
    kind: 'backwards',
    quote: 'PSI 越高说明模型越准。',
    term: 'PSI',
    why: { en: 'For PSI, lower is better.', zh: 'PSI 越低越好。' },
  },
  { code: 'wrong-idea', kind: 'dismissed', quote: 'A/B tests are a waste of time.' },
  {
    code: 'wrong-idea',
    kind: 'misfit',
    quote: 'Accuracy is our metric.',
    why: { en: 'Positives are rare.', zh: '正样本很少。' },
  },
];

function scoreWith(notes: StageScore['notes']): StageScore {
  return {
    stage: 'requirements',
    scorer: 'offline',
    score: 2,
    level: 2,
    criteria: [],
    feedback: '',
    missedKeyPoints: [],
    notes,
  };
}

/** What each platform shows of a stage score, as text. */
function shownEverywhere(score: StageScore, lang: 'en' | 'zh'): string[] {
  const reply = { kind: 'stage-feedback' as const, title: 'Requirements', score };
  const discord = renderDiscord([reply], { lang, sessionId: null });
  return [
    renderTerminal(reply, { lang, color: false }),
    JSON.stringify(discord),
    stageScoreLines(score, lang).join('\n'),
  ];
}

describe('score notes', () => {
  it('words every code in English and in Chinese', () => {
    for (const note of EVERY_CODE) {
      const en = noteText(note, 'en');
      const zh = noteText(note, 'zh');
      expect(en.length, note.code).toBeGreaterThan(0);
      expect(zh, note.code).not.toBe(en);
      expect(zh, note.code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(
      noteText({ code: 'off-stage', stage: { en: 'Serving', zh: '部署服务' } }, 'zh'),
    ).toContain('部署服务');
  });

  it('names the stages an answer spread over several other stages is about', () => {
    const note: ScoreNote = {
      code: 'off-stage',
      stage: { en: 'Modeling', zh: '模型' },
      also: [
        { en: 'Serving', zh: '部署服务' },
        { en: 'Metrics', zh: '指标' },
      ],
    };
    expect(noteText(note, 'en')).toBe(
      'This answer mostly addresses other stages ("Modeling", "Serving", "Metrics"), not this stage\'s question.',
    );
    expect(noteText(note, 'zh')).toContain('「模型」「部署服务」「指标」');
  });

  it('a Chinese interview shows its notes in Chinese on every platform', () => {
    const note: ScoreNote = { code: 'judge-failed', reason: 'server error (503)' };
    const chinese = msg('zh').notes['judge-failed'](note);
    for (const shown of shownEverywhere(scoreWith([note]), 'zh')) {
      expect(shown).toContain(chinese);
      expect(shown).not.toContain('scored offline');
    }
  });

  it('quotes a sentence read as a wrong idea with its reason, in both languages, on every platform', () => {
    const note: ScoreNote = {
      code: 'wrong-idea',
      kind: 'misfit',
      quote: 'Accuracy is our metric, <@123> agrees.',
      why: { en: 'Positives are rare.', zh: '正样本很少。' },
    };
    expect(noteText(note, 'en')).toContain('“Accuracy is our metric, <@123> agrees.”');
    expect(noteText(note, 'en')).toContain('Positives are rare.');
    expect(noteText(note, 'zh')).toContain('「Accuracy is our metric, <@123> agrees.」');
    expect(noteText(note, 'zh')).toContain('正样本很少。');
    const [terminal, discord, slack] = shownEverywhere(scoreWith([note]), 'en');
    expect(terminal).toContain('Accuracy is our metric');
    expect(discord).toContain('Accuracy is our metric');
    // Slack escapes the candidate's text: a quoted mention is text, never a live mention.
    expect(slack).toContain('&lt;@123&gt;');
  });

  it('on Discord, long quoted notes never push out the notes after them', () => {
    const long = (n: number): ScoreNote => ({
      code: 'wrong-idea',
      kind: 'claim',
      quote: `${'x'.repeat(190)} ${n}`,
      why: { en: 'y'.repeat(300), zh: 'y'.repeat(300) },
    });
    const last: ScoreNote = { code: 'judge-failed', reason: 'server error (503)' };
    const [discord] = shownEverywhere(scoreWith([long(1), long(2), long(3), last]), 'en').slice(1);
    expect(discord).toContain(noteText(last, 'en'));
    for (const n of [1, 2, 3]) expect(discord).toContain(`x ${n}`);
  });

  it('a note code this version has no words for is named, not a crash', () => {
    const future = { code: 'from-a-newer-version' } as unknown as ScoreNote;
    expect(noteText(future, 'en')).toBe('from-a-newer-version');
  });

  it("shows an older session's plain-text notes as they were stored", () => {
    const old = 'scored offline: the LLM scorer failed (request timed out)';
    expect(noteText(old, 'zh')).toBe(old);
    for (const shown of shownEverywhere(scoreWith([old, { code: 'scored-offline' }]), 'en')) {
      expect(shown).toContain(old);
      expect(shown).toContain(noteText({ code: 'scored-offline' }, 'en'));
    }
  });
});
