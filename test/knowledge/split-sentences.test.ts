/**
 * Sentences as the scorer and the interviewer's guards read them: English and Chinese ends and
 * line breaks, but not an abbreviation that runs on into the rest of its sentence.
 */
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/knowledge/signals.ts';

describe('splitSentences', () => {
  it('splits at English and Chinese sentence ends, semicolons and line breaks', () => {
    expect(
      splitSentences('We log impressions. Labels lag; we wait 30 days.\n- Split by time'),
    ).toEqual(['We log impressions.', 'Labels lag;', 'we wait 30 days.', '- Split by time']);
    expect(splitSentences('先做召回。再做排序！')).toEqual(['先做召回。', '再做排序！']);
  });

  it('keeps decimals and abbreviations inside their sentence', () => {
    // Cut after "e.g.", the example would be read apart from what it is an example of.
    expect(
      splitSentences(
        'Backtests give the decay rate, e.g. recall drops 1.5 pts a week. Then retrain.',
      ),
    ).toEqual([
      'Backtests give the decay rate, e.g. recall drops 1.5 pts a week.',
      'Then retrain.',
    ]);
    expect(splitSentences('GBDT vs. a DNN, i.e. cost against lift. Pick one.')).toEqual([
      'GBDT vs. a DNN, i.e. cost against lift.',
      'Pick one.',
    ]);
  });

  it('still ends a sentence at "etc." and at a word that ends like an abbreviation', () => {
    expect(splitSentences('Logs, clicks, etc. Then we join them.')).toEqual([
      'Logs, clicks, etc.',
      'Then we join them.',
    ]);
    expect(splitSentences('We render it on a canvas. Next we cache it.')).toEqual([
      'We render it on a canvas.',
      'Next we cache it.',
    ]);
  });
});
