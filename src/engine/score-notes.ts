/**
 * The notes a scorer adds to a stage score, as codes with their parameters. The engine words
 * them (`noteText` in messages.ts, from the wording tables) in the interview's language when a
 * reply is rendered, so a scorer never picks a language and every platform says the same.
 */

/** Text in both languages, for a parameter that names something of the knowledge base. */
export interface BothLangs {
  en: string;
  zh: string;
}

export type ScoreNote =
  /** The offline scorer scored the stage (a rough guide, no LLM). */
  | { code: 'scored-offline' }
  /** Only the first `chars` characters of a very long answer were scored. */
  | { code: 'answer-truncated'; chars: number }
  /** Sentences addressed to the grader were ignored. */
  | { code: 'instructions-ignored'; count: number }
  /** Nothing in the answer to score. */
  | { code: 'nothing-to-score' }
  /**
   * The answer is mostly about another stage; `also`, when it is spread over several: the other
   * stages it names most after `stage`.
   */
  | { code: 'off-stage'; stage: BothLangs; also?: BothLangs[] }
  /** The answer seems to be about another scenario. */
  | { code: 'off-scenario'; scenario: BothLangs }
  /**
   * A sentence the offline scorer read as a wrong idea (it held the score down), quoted: a wrong
   * claim (`why` from the catalogue), a term misdefined or misused (`term` as written; an
   * acronym spelled out wrongly is `misdefined`, with `why` saying what it stands for), a metric
   * judged the wrong way round (`backwards`, with `why` saying which way is better), a standard
   * practice dismissed without a reason, a choice the scenario's facts rule out.
   */
  | {
      code: 'wrong-idea';
      kind: 'claim' | 'misdefined' | 'misused' | 'backwards' | 'dismissed' | 'misfit';
      quote: string;
      term?: string;
      why?: BothLangs;
    }
  /** The LLM judge was not asked: there was no answer. */
  | { code: 'judge-no-answer' }
  /** The LLM judge failed; the offline score is shown. `reason` is technical (not translated). */
  | { code: 'judge-failed'; reason: string }
  /** Checks answered yes with a quote that is not in the answer, counted as no. */
  | { code: 'unsupported-yes'; count: number }
  /** Judge samples that could not be used. */
  | { code: 'dropped-samples'; dropped: number; asked: number; reason: string }
  /** How far the judge's samples agreed. */
  | { code: 'agreement'; samples: number; spread: number }
  /** Only the first `cap` characters of the stage's answers were scored. */
  | { code: 'scored-only-cap'; cap: number }
  /** A line of the diagram critique or the estimate check, worded by src/review in the interview's language. */
  | { code: 'check'; text: string }
  /** More check lines than are shown. */
  | { code: 'more-checks'; count: number };

export type ScoreNoteCode = ScoreNote['code'];

/**
 * A note as a stored session holds it: a code, or the plain sentence that sessions stored
 * before notes had codes carry (still shown as it is).
 */
export type StoredNote = ScoreNote | string;
