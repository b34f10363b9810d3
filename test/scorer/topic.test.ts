/**
 * When is an answer about another stage (src/scorer/analysis/topic.ts)? When one other stage's
 * concepts far outnumber the asked stage's, or when the concepts of other stages together do by
 * a wider margin (an answer spread over modeling, metrics and serving, given when asked about data).
 */
import { describe, expect, it } from 'vitest';
import { isFarMore } from '../../src/scorer/analysis/topic.ts';

describe('another stage, far more than this one', () => {
  it("is one other stage with three concepts or more and three times this stage's", () => {
    expect(
      isFarMore({ stage: 'serving', theirs: 6, ours: 2, elsewhere: 7, named: [] }),
    ).not.toBeNull();
    expect(isFarMore({ stage: 'serving', theirs: 5, ours: 2, elsewhere: 7, named: [] })).toBeNull();
  });

  it("is other stages together with ten concepts or more and five times this stage's", () => {
    // The corpus's modeling-and-serving plan given to the data stage: 13 concepts of five other
    // stages, at most 5 of any one, and 2 of data's own.
    expect(
      isFarMore({ stage: 'requirements', theirs: 5, ours: 2, elsewhere: 13, named: [] }),
    ).not.toBeNull();
    // A strong answer touches its neighbours: in the scoring sets' answers labeled 2 or more,
    // other stages' concepts reach at most 2.75 times the stage's own.
    expect(
      isFarMore({ stage: 'modeling', theirs: 4, ours: 4, elsewhere: 11, named: [] }),
    ).toBeNull();
    expect(
      isFarMore({ stage: 'modeling', theirs: 2, ours: 1, elsewhere: 9, named: [] }),
    ).toBeNull();
    // The bounds: ten together, five times this stage's own (none of its own counts as one).
    expect(
      isFarMore({ stage: 'modeling', theirs: 2, ours: 2, elsewhere: 10, named: [] }),
    ).not.toBeNull();
    expect(
      isFarMore({ stage: 'modeling', theirs: 2, ours: 0, elsewhere: 10, named: [] }),
    ).not.toBeNull();
    expect(
      isFarMore({ stage: 'modeling', theirs: 2, ours: 3, elsewhere: 14, named: [] }),
    ).toBeNull();
  });

  it('says when it is a spread over several stages rather than one far ahead', () => {
    const named: ('modeling' | 'serving')[] = ['modeling', 'serving'];
    expect(
      isFarMore({ stage: 'modeling', theirs: 6, ours: 2, elsewhere: 7, named })?.spread,
    ).toBeFalsy();
    expect(isFarMore({ stage: 'modeling', theirs: 4, ours: 2, elsewhere: 13, named })?.spread).toBe(
      true,
    );
  });

  it('is nothing when there is no other stage to compare with', () => {
    expect(isFarMore(null)).toBeNull();
  });
});
