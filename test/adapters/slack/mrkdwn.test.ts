import { describe, expect, it } from 'vitest';
import {
  clampText,
  escapeMrkdwn,
  slackToPlain,
  splitText,
} from '../../../src/adapters/slack/mrkdwn.ts';

describe('escapeMrkdwn', () => {
  it('escapes &, < and > so no ping, mention or link survives', () => {
    expect(escapeMrkdwn('<!channel> & <@U123> <https://evil|click>')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;',
    );
  });

  it('escapes an already escaped entity again (text is never trusted to be escaped)', () => {
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });
});

describe('slackToPlain', () => {
  it('turns Slack markup back into the words typed', () => {
    expect(slackToPlain('hi <!channel> and <!here|here>')).toBe('hi @channel and here');
    expect(slackToPlain('ask <@U123> or <@U9|maria>')).toBe('ask @U123 or @maria');
    expect(slackToPlain('in <#C1|general>')).toBe('in #general');
    expect(slackToPlain('see <https://a.example/x|docs> and <https://b.example>')).toBe(
      'see docs (https://a.example/x) and https://b.example',
    );
    expect(slackToPlain('p &lt; 0.05 &amp;&amp; x &gt; 1')).toBe('p < 0.05 && x > 1');
  });

  it('round-trips to harmless text: a typed "<!channel>" comes back escaped', () => {
    expect(escapeMrkdwn(slackToPlain('&lt;!channel&gt;'))).toBe('&lt;!channel&gt;');
  });
});

describe('splitText and clampText', () => {
  it('splits at newlines or spaces, each piece within the limit', () => {
    const text = Array.from({ length: 200 }, (_, i) => `line ${i} with some words`).join('\n');
    const pieces = splitText(text, 300);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(300);
    expect(pieces.join('\n')).toBe(text);
  });

  it('never cuts inside an entity', () => {
    const text = `${'a'.repeat(8)}&amp;${'b'.repeat(20)}`;
    for (const max of [9, 10, 11, 12, 13]) {
      const pieces = splitText(text, max);
      for (const p of pieces) {
        expect(p.length).toBeLessThanOrEqual(max);
        expect(p).not.toMatch(/&(a|am|amp)?$/);
      }
      expect(pieces.join('')).toBe(text);
    }
    expect(clampText(`${'a'.repeat(8)}&amp;xyz`, 11)).toBe(`${'a'.repeat(8)}…`);
  });

  it('keeps short text as it is', () => {
    expect(splitText('short', 10)).toEqual(['short']);
    expect(clampText('short', 10)).toBe('short');
  });
});
