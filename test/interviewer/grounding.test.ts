import { describe, expect, it } from 'vitest';
import {
  fitLength,
  statedNumbers,
  unsupportedNumbers,
} from '../../src/interviewer/llm/grounding.ts';

describe('statedNumbers', () => {
  it('finds quantities and skips enumerations and names', () => {
    expect(statedNumbers('About 10 million users, 1,000 QPS, p99 under 200 ms, NDCG@10.')).toEqual([
      '10',
      '1000',
      '200',
    ]);
    expect(statedNumbers('Step 2: tell me about 3 things, then L2 loss.')).toEqual([]);
    expect(statedNumbers('It takes 5 ms and 0.50 of traffic; 3x faster.')).toEqual([
      '5',
      '0.5',
      '3',
    ]);
  });

  it('finds Chinese numerals with units, and digits before Chinese units', () => {
    expect(statedNumbers('日活大约一千万，月活 8 亿，万一出问题呢？')).toEqual(['8', '一千万']);
    expect(statedNumbers('千万不要忘记，一一列出来。')).toEqual([]);
  });
});

describe('unsupportedNumbers', () => {
  it('accepts numbers that appear in the sources, in either form', () => {
    const facts = [
      'About 10 million daily active users.',
      '日活大约一千万。',
      'p99 within 200 ms.',
    ];
    expect(unsupportedNumbers('Yes: 10 million DAU and a 200 ms budget.', facts)).toEqual([]);
    expect(unsupportedNumbers('日活一千万。', facts)).toEqual([]);
    expect(unsupportedNumbers('We have 50 million users and 1,000 QPS.', facts)).toEqual([
      '50',
      '1000',
    ]);
  });
});

describe('fitLength', () => {
  it('keeps whole sentences within the cap, or gives up', () => {
    expect(fitLength('Short.', 100)).toBe('Short.');
    expect(fitLength('One two. Three four five six seven.', 12)).toBe('One two.');
    expect(fitLength('一句话。第二句话很长很长很长。', 6)).toBe('一句话。');
    expect(fitLength('A single very long sentence without end', 10)).toBeNull();
  });
});
