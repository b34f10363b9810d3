import { describe, expect, it } from 'vitest';
import { DISCORD_MESSAGE_LIMIT, splitMessage } from '../../../src/adapters/discord/split-text.ts';

const sentence = (i: number) => `Sentence number ${i} talks about feature stores and freshness.`;
const words = (text: string) => text.split(/\s+/).filter(Boolean);
const fences = (text: string) => (text.match(/^```/gm) ?? []).length;

describe('splitMessage', () => {
  it('keeps short text whole and drops blank text', () => {
    expect(splitMessage('Hello there.')).toEqual(['Hello there.']);
    expect(splitMessage('   \n  ')).toEqual([]);
  });

  it('splits 6,000 characters of prose into messages within 2,000, at sentence ends', () => {
    const text = Array.from({ length: 120 }, (_, i) => sentence(i)).join(' ');
    expect(text.length).toBeGreaterThan(6000);
    const chunks = splitMessage(text);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(chunk.endsWith('.')).toBe(true);
    }
    // Nothing lost, nothing added.
    expect(words(chunks.join(' '))).toEqual(words(text));
  });

  it('prefers paragraph breaks over sentence ends', () => {
    const paragraph = (n: number) =>
      Array.from({ length: 12 }, (_, i) => sentence(n * 100 + i)).join(' ');
    const text = [paragraph(1), paragraph(2), paragraph(3), paragraph(4)].join('\n\n');
    const chunks = splitMessage(text);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      // Every chunk starts where a paragraph starts.
      expect(
        text.includes(`\n\n${chunk.slice(0, 40)}`) || text.startsWith(chunk.slice(0, 40)),
      ).toBe(true);
    }
  });

  it('keeps a code block whole when it fits in a message', () => {
    const prose = Array.from({ length: 20 }, (_, i) => sentence(i)).join(' ');
    const code = [
      '```python',
      ...Array.from({ length: 30 }, (_, i) => `x_${i} = model.predict(batch_${i})`),
      '```',
    ].join('\n');
    const text = `${prose}\n${code}\n${prose}`;
    const chunks = splitMessage(text);
    expect(chunks.some((c) => c.includes(code))).toBe(true);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(fences(chunk) % 2).toBe(0);
    }
  });

  it('closes and reopens a code block that is longer than a message, at line breaks', () => {
    const lines = Array.from(
      { length: 200 },
      (_, i) => `    score_${i} = weights[${i}] * features[${i}]`,
    );
    const text = ['Here is the scorer:', '```python', ...lines, '```', 'That is all.'].join('\n');
    const chunks = splitMessage(text);
    expect(chunks.length).toBeGreaterThan(3);
    for (const [i, chunk] of chunks.entries()) {
      expect(chunk.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(fences(chunk) % 2).toBe(0);
      if (i > 0 && i < chunks.length - 1) expect(chunk.startsWith('```python\n')).toBe(true);
    }
    // Indentation inside the code survives the cut.
    const codeLines = chunks
      .join('\n')
      .split('\n')
      .filter((l) => l.includes('score_'));
    expect(codeLines).toEqual(lines);
  });

  it('splits Chinese text at 。 and never inside a surrogate pair', () => {
    const zh = '我们先明确业务目标和成功指标，然后讨论数据来源。'.repeat(150);
    const chunks = splitMessage(zh);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      expect(chunk.endsWith('。')).toBe(true);
    }
    expect(chunks.join('')).toBe(zh);

    const emoji = '😀'.repeat(3000); // one enormous "word" of surrogate pairs
    const parts = splitMessage(emoji);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
      // No lone surrogate at either end of a part.
      expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(part)).toBe(false);
    }
    expect(parts.join('')).toBe(emoji);
  });

  it('cuts at a space when there is no sentence end', () => {
    const text = Array.from({ length: 1500 }, (_, i) => `w${i}`).join(' ');
    const chunks = splitMessage(text);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(DISCORD_MESSAGE_LIMIT);
    expect(words(chunks.join(' '))).toEqual(words(text));
  });

  it('honours a smaller limit', () => {
    const chunks = splitMessage('One. Two. Three. Four. Five.', 10);
    expect(chunks).toEqual(['One. Two.', 'Three.', 'Four.', 'Five.']);
  });
});
