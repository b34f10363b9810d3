/**
 * Renderers and limits without a client: replies → Discord payloads, and everything within
 * Discord's limits even for an absurdly large scorecard.
 */
import { describe, expect, it } from 'vitest';
import {
  EMBED_LIMITS,
  embedLength,
  fitEmbed,
  packEmbeds,
  truncate,
} from '../../../src/adapters/discord/embed-limits.ts';
import {
  buttonCustomId,
  discordIds,
  dmSessionId,
  parseButtonCustomId,
  threadSessionId,
} from '../../../src/adapters/discord/ids.ts';
import { renderReplies } from '../../../src/adapters/discord/render.ts';
import type { Reply, Scorecard, StageScore } from '../../../src/engine/types.ts';
import { STAGE_IDS } from '../../../src/knowledge/schema.ts';
import { messageBodyProblems } from '../../fakes/discord/limits.ts';

const huge = (n: number, word = 'overflow') => Array.from({ length: n }, () => word).join(' ');

function stageScore(stage: (typeof STAGE_IDS)[number]): StageScore {
  return {
    stage,
    scorer: 'offline',
    score: 2.5,
    level: 3,
    criteria: Array.from({ length: 5 }, (_, i) => ({
      id: `criterion-${i}`,
      level: 2,
      evidence: [huge(80, '@everyone')],
      feedback: huge(300),
    })),
    feedback: huge(900),
    missedKeyPoints: Array.from({ length: 10 }, () => huge(40)),
    notes: [huge(50)],
  };
}

function hugeScorecard(): Scorecard {
  return {
    sessionId: 's',
    scenarioId: 'feed-engagement',
    scenarioTitle: huge(100, 'Title'),
    lang: 'en',
    mode: 'interview',
    overall: 2.5,
    level: 3,
    hireSignal: 'lean-hire',
    stages: STAGE_IDS.map((stage, i) => ({
      stage,
      title: huge(60, stage),
      score: i < 8 ? stageScore(stage) : null,
      hintsUsed: 1,
      durationMs: 60_000,
    })),
    strengths: Array.from({ length: 40 }, () => huge(40, 'strength')),
    gaps: Array.from({ length: 40 }, () => huge(40, 'gap')),
    nextSteps: Array.from({ length: 40 }, () => huge(40, 'next')),
    hintsUsed: 8,
    durationMs: 2_700_000,
    scorers: ['offline'],
    generatedAt: 0,
  };
}

describe('embed limits', () => {
  it('truncates with an ellipsis, never inside a surrogate pair', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('abcdefghij', 5)).toBe('abcd…');
    const cut = truncate('😀😀😀', 4);
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  });

  it('fits one embed within every per-embed limit and 6,000 characters in all', () => {
    const embed = fitEmbed({
      title: huge(100),
      description: huge(1000),
      fields: Array.from({ length: 40 }, (_, i) => ({ name: huge(60, `f${i}`), value: huge(300) })),
      footer: { text: huge(500) },
    });
    expect(embed.title!.length).toBeLessThanOrEqual(EMBED_LIMITS.title);
    expect(embed.description!.length).toBeLessThanOrEqual(EMBED_LIMITS.description);
    expect(embed.fields!.length).toBe(25);
    for (const f of embed.fields!) {
      expect(f.name.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldName);
      expect(f.value.length).toBeLessThanOrEqual(EMBED_LIMITS.fieldValue);
      expect(f.value.length).toBeGreaterThan(0);
    }
    expect(embedLength(embed)).toBeLessThanOrEqual(EMBED_LIMITS.total);
  });

  it('packs embeds into messages of at most 10 embeds and 6,000 characters', () => {
    const small = Array.from({ length: 23 }, (_, i) => ({ title: `e${i}` }));
    expect(packEmbeds(small).map((g) => g.length)).toEqual([10, 10, 3]);
    const big = Array.from({ length: 5 }, () => ({ description: huge(400) })); // ~3,600 each
    for (const group of packEmbeds(big)) {
      expect(group.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(6000);
    }
  });
});

describe('renderReplies', () => {
  it('puts a huge scorecard into messages Discord accepts', () => {
    const messages = renderReplies([{ kind: 'scorecard', scorecard: hugeScorecard() }], {
      lang: 'en',
      sessionId: 'discord:1',
    });
    expect(messages.length).toBeGreaterThanOrEqual(2);
    for (const message of messages) expect(messageBodyProblems(message)).toEqual([]);
    const [summary] = messages[0]!.embeds!;
    expect(summary!.fields).toHaveLength(STAGE_IDS.length);
    expect(summary!.fields!.at(-1)!.name).toContain('not reached');
    // No buttons: a scorecard offers no actions.
    expect(messages.every((m) => !m.components)).toBe(true);
  });

  it('renders coach-mode stage feedback as one embed within limits', () => {
    const [message] = renderReplies(
      [{ kind: 'stage-feedback', title: 'Metrics', score: stageScore('metrics') }],
      { lang: 'zh', sessionId: null },
    );
    expect(messageBodyProblems(message!)).toEqual([]);
    expect(message!.embeds![0]!.footer!.text).toContain('离线');
  });

  it('merges a turn into one message and puts the buttons of the last actionable reply on it', () => {
    const replies: Reply[] = [
      { kind: 'message', from: 'system', tone: 'info', text: 'Note.', actions: [] },
      {
        kind: 'message',
        from: 'interviewer',
        tone: 'normal',
        text: 'Good question.',
        actions: ['hint'],
      },
      {
        kind: 'stage-opened',
        stage: 'metrics',
        number: 2,
        total: 7,
        title: 'Metrics',
        question: 'How will you measure success?',
        actions: ['followup', 'hint', 'next', 'end'],
      },
    ];
    const messages = renderReplies(replies, { lang: 'en', sessionId: threadSessionId('42') });
    // The first actionable reply ends a message; the stage opening is the next one.
    expect(messages.map((m) => m.content)).toEqual([
      'ℹ️ Note.\n\nGood question.',
      '**Stage 2 of 7: Metrics**\nHow will you measure success?',
    ]);
    expect(messages[0]!.components).toBeUndefined();
    const buttons = messages[1]!.components![0]!.components;
    expect(buttons.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual([
      'mli:followup:discord:42',
      'mli:hint:discord:42',
      'mli:next:discord:42',
      'mli:end:discord:42',
    ]);
  });

  it('sends the export as a Markdown file', () => {
    const [message] = renderReplies(
      [{ kind: 'export', filename: 'ml-interview-x.md', markdown: '# Scorecard\n' }],
      { lang: 'en', sessionId: 'discord:1' },
    );
    expect(message!.files![0]!.name).toBe('ml-interview-x.md');
    expect(message!.files![0]!.data.toString()).toBe('# Scorecard\n');
  });
});

describe('ids', () => {
  it('round-trips button custom ids within 100 characters, and rejects others', () => {
    const session = dmSessionId('123456789012345678901', '123456789012345678902');
    const id = buttonCustomId('followup', session);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(parseButtonCustomId(id)).toEqual({ action: 'followup', sessionId: session });
    expect(parseButtonCustomId('mli:dance:discord:1')).toBeNull();
    expect(parseButtonCustomId('other:hint:discord:1')).toBeNull();
    expect(parseButtonCustomId('mli:hint:')).toBeNull();
  });

  it('names a thread and a DM as different places, and every DM interview apart', () => {
    const channel = (id: string, thread: boolean) => ({
      id,
      isThread: () => thread,
      isDMBased: () => !thread,
    });
    expect(discordIds.place(channel('7', true))).toEqual({ key: 'discord:thread:7' });
    expect(discordIds.place(channel('7', false))).toEqual({ key: 'discord:dm:7' });
    expect(dmSessionId('7', '9')).not.toBe(dmSessionId('7', '10'));
    expect(threadSessionId('7')).not.toBe(dmSessionId('7', '9'));
  });
});
