import { describe, expect, it } from 'vitest';
import { checkEstimates } from '../../src/estimates/check.ts';
import { parseNumber, roundForSpeech } from '../../src/estimates/numbers.ts';
import { readUnit } from '../../src/estimates/units.ts';
import type { NumberFact } from '../../src/knowledge/diagram-schema.ts';

const facts: NumberFact[] = [
  {
    id: 'daily-active-users',
    value: 8e8,
    unit: 'users',
    words: { en: ['dau', 'daily active users'], zh: ['日活'] },
  },
  {
    id: 'requests-per-second',
    value: 60_000,
    peak: 150_000,
    unit: 'rps',
    words: { en: ['qps'], zh: ['qps'] },
  },
];
const codes = async (text: string) =>
  (await checkEstimates(text, facts)).findings.map((f) => f.code);

describe('numbers in English and Chinese', async () => {
  it.each([
    ['1,200', 1200],
    ['1.2k', 1200],
    ['100M', 1e8],
    ['5B', 5e9],
    ['1e9', 1e9],
    ['10^9', 1e9],
    ['100 million', 1e8],
    ['2 billion', 2e9],
    ['1亿', 1e8],
    ['300万', 3e6],
    ['八亿', 8e8],
    ['1.5千万', 1.5e7],
    ['三千万', 3e7],
    ['十万', 1e5],
  ])('%s = %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it('rounds for speech', () => {
    expect(roundForSpeech(1157.4, 'en')).toBe('1,200');
    expect(roundForSpeech(5e9, 'en')).toBe('5 billion');
    expect(roundForSpeech(86_805, 'zh')).toBe('8.7 万');
  });

  it('reads units, bits apart from bytes', () => {
    expect(readUnit(' GB/s').unit).toBe('GB/s');
    expect(readUnit('Gbps').unit).toBe('Gb/s');
    expect(readUnit(' KB').unit).toBe('kB');
    expect(readUnit(' QPS').unit).toBe('s^-1');
    expect(readUnit(' 每天').unit).toBe('day^-1');
    expect(readUnit(' videos').unit).toBe('');
  });
});

describe('estimates checked', () => {
  it("challenges the issue's example with the recomputed rate", async () => {
    const [finding] = (await checkEstimates('100M transactions a day, so about 100k QPS.', facts))
      .findings;
    expect(finding).toMatchObject({ code: 'rate-off', claimedPerSecond: 100_000 });
    expect(finding && 'computedPerSecond' in finding && Math.round(finding.computedPerSecond)).toBe(
      1157,
    );
  });

  it('credits a correct estimate, in either language', async () => {
    for (const text of [
      '100M transactions a day, so about 1,200 QPS.',
      '每天 1亿 笔交易，约 1200 QPS。',
      '5B videos × 1 KB = 5 TB.',
      '60k QPS × 100 KB = 6 GB/s.',
      '100M / 86400 = 1157 QPS',
      '150k QPS / 1k QPS per machine = 150 machines',
      '800M DAU, each makes 6 requests a day, so about 55k QPS',
      '日活 8亿，每人每天 6 次请求，峰值约 15万 QPS',
      'Training data: 15B impressions a day × 90 days × 500 bytes = 675 TB.',
    ]) {
      const review = await checkEstimates(text, facts);
      expect(review.findings, text).toEqual([]);
      expect(review.credits.length, text).toBe(1);
    }
  });

  it('finds arithmetic off by more than 3×, unit errors and bits for bytes', async () => {
    expect(await codes('5B videos × 1 KB = 5 GB.')).toEqual(['arithmetic-off']);
    expect(await codes('60k QPS × 100 KB = 6 GB.')).toEqual(['unit-error']);
    expect(await codes('60k QPS × 100 KB = 6 Gbps.')).toEqual(['arithmetic-off']);
    expect(await codes('每天 1亿 笔交易，约 10万 QPS。')).toEqual(['rate-off']);
  });

  it("compares a restated figure with the scenario's facts", async () => {
    expect(await codes('We have 8 billion DAU.')).toEqual(['fact-off']);
    expect(await codes('We have 800M DAU.')).toEqual([]);
    expect(await codes('QPS 约 12万')).toEqual([]);
  });

  it('says when arithmetic cannot be read, and never throws', async () => {
    expect(await codes('100M × = 5 TB')).toEqual(['unreadable']);
    expect(await codes('QPS = 100M / 86400 = ')).toEqual(['unreadable']);
    for (const junk of ['= = =', '× × ×', '1e999 × 1e999 = 1', '∞ / 0 = 1', '0 × 0 = 0']) {
      await expect(checkEstimates(junk, facts)).resolves.toBeDefined();
    }
  });
});
