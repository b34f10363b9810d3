/**
 * Chinese patterns read the English spelling of the terms they name in Chinese
 * (knowledge/term-names.yaml): Chinese candidates type many terms in English.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTermNames, withEnglishNames } from '../../src/scorer/term-names.ts';
import { shippedWrongClaims, wrongClaimsIn } from '../../src/scorer/wrong-claims.ts';

const names = {
  chinese: ['数据漂移', '漂移', '召回率'],
  english: new Map([
    ['数据漂移', '(?:data drift)'],
    ['漂移', '(?:drift)'],
    ['召回率', '(?:recall)'],
  ]),
};

describe('withEnglishNames', () => {
  it('lets each Chinese name also match its English spelling, the longest name first', () => {
    expect(withEnglishNames('数据漂移(是|就是)', names)).toBe(
      '(?:数据漂移|(?:data drift))(是|就是)',
    );
    expect(withEnglishNames('概念漂移', names)).toBe('概念(?:漂移|(?:drift))');
  });

  it('copies character classes and escapes as they are', () => {
    expect(withEnglishNames('[^召回率]\\d漂移', names)).toBe('[^召回率]\\d(?:漂移|(?:drift))');
    expect(withEnglishNames('[\\]漂移]x', names)).toBe('[\\]漂移]x');
  });

  it('leaves a name alone when a quantifier follows it (it would apply to its last character)', () => {
    expect(withEnglishNames('召回率?', names)).toBe('召回率?');
    expect(withEnglishNames('漂移{1,2}', names)).toBe('漂移{1,2}');
  });

  it('reads the shipped list as whole English words', () => {
    const shipped = new RegExp(withEnglishNames('主动学习'), 'iu');
    expect(shipped.test('用 active learning 挑样本')).toBe(true);
    expect(shipped.test('用 interactive learning 挑样本')).toBe(false);
  });

  it('names the file and the entry of an invalid English pattern', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'mli-names-')), 'term-names.yaml');
    writeFileSync(file, "version: 1\nnames:\n  - {zh: [漂移], en: 'drift('}\n");
    expect(() => loadTermNames(file)).toThrow(/term-names\.yaml: 漂移: invalid pattern/);
  });
});

describe('catalogue patterns with English terms in Chinese sentences', () => {
  const claims = shippedWrongClaims();

  it('reads a known wrong claim written with the English term', () => {
    expect(wrongClaimsIn(['用 active learning 挑模型最自信的样本去标注。'], claims)).toContain(
      'active-learning-most-confident',
    );
  });

  it('still leaves the right claim alone', () => {
    expect(wrongClaimsIn(['active learning 优先标注模型最不确定的样本。'], claims)).toEqual([]);
  });
});
