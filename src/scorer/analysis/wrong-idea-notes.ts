/**
 * Why a score was held down, in the candidate's own words: each sentence the scorer read as a
 * wrong idea (wrong-claims.ts, definitions.ts, term-misuse.ts, metric-direction.ts,
 * acronyms.ts, dismissals.ts, scenario-misfit.ts) becomes a note quoting it with the reason. Two wrong ideas hold a stage at
 * level 1 and one weighs heavily; a candidate who is not shown which sentence was read as wrong
 * can neither learn from it nor tell us where the scorer misread a right answer.
 */
import type { BothLangs, ScoreNote } from '../../engine/score-notes.ts';
import { shippedAcronyms } from './acronyms.ts';
import { shippedDefinedTerms } from './definitions.ts';
import { shippedWrongClaims } from '../wrong-claims.ts';

/** At most this many sentences are quoted per stage: the first ones, in the answer's order. */
export const MAX_WRONG_IDEA_NOTES = 3;
/** A quoted sentence longer than this is cut (with "…"): a note is not the place for a paragraph. */
export const MAX_QUOTE_CHARS = 200;

/** Reasons for the scenario misfits (scenario-misfit.ts), by id. */
const MISFIT_WHY: Record<string, BothLangs> = {
  'accuracy-with-rare-positives': {
    en: 'Positives are rare in this scenario, so a model that never flags anything already scores high accuracy; precision, recall or PR-AUC say how well it finds them.',
    zh: '这个场景里正样本很少，一个什么都不标的模型准确率也很高；要看精确率、召回率或 PR-AUC。',
  },
};

function quoteOf(sentence: string): string {
  const flat = sentence.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_QUOTE_CHARS ? flat : `${flat.slice(0, MAX_QUOTE_CHARS - 1).trimEnd()}…`;
}

/** How the sentence writes the catalogued term (its first match), or the term's id. */
function termIn(sentence: string, id: string): string {
  const term = shippedDefinedTerms().find((t) => t.id === id);
  for (const re of term?.term ?? []) {
    const found = sentence.match(re)?.[0]?.trim();
    if (found) return found;
  }
  return id;
}

/** A Latin term sits between spaces in Chinese text ("对 PR-AUC 的"), a Chinese one does not. */
function zhSpaced(term: string): string {
  return /[A-Za-z0-9]$/.test(term) ? `${term} ` : term;
}

/** Why a metric read backwards is wrong: which way is better (a p-value says it in its own words). */
function whichWayIsBetter(id: string, term: string, better: 'higher' | 'lower'): BothLangs {
  if (id === 'p-value') {
    return {
      en: 'A smaller p-value is stronger evidence against the null hypothesis.',
      zh: 'p 值越小，拒绝原假设的证据越强。',
    };
  }
  return {
    en: `For ${term}, ${better} is better.`,
    zh: `${zhSpaced(term)}${better === 'higher' ? '越高越好' : '越低越好'}。`,
  };
}

/** The note for one wrong sentence, read from its first claim id. */
function noteFor(sentence: string, id: string): ScoreNote {
  const quote = quoteOf(sentence);
  const [prefix, rest] = id.includes(':') ? (id.split(/:(.*)/s) as [string, string]) : ['', id];
  switch (prefix) {
    case 'misdefined':
    case 'misused':
      return { code: 'wrong-idea', kind: prefix, quote, term: termIn(sentence, rest) };
    case 'backwards': {
      const term = termIn(sentence, rest);
      const better = shippedDefinedTerms().find((t) => t.id === rest)?.better;
      return {
        code: 'wrong-idea',
        kind: 'backwards',
        quote,
        term,
        ...(better ? { why: whichWayIsBetter(rest, term, better) } : {}),
      };
    }
    case 'praised': {
      // A problem called useful has its sign wrong: shown as a judgement the wrong way round.
      const term = termIn(sentence, rest);
      const why: BothLangs = {
        en: `${term} is a problem to prevent, not something that helps.`,
        zh: `${zhSpaced(term)}是要防止的问题，不是好事。`,
      };
      return { code: 'wrong-idea', kind: 'backwards', quote, term, why };
    }
    case 'expanded': {
      // An acronym spelled out wrongly is a definition that misses what the term is.
      const means = shippedAcronyms().find((a) => a.acronym === rest)?.means;
      const why: BothLangs | undefined = means
        ? { en: `${rest} stands for ${means}.`, zh: `${rest} 是 ${means} 的缩写。` }
        : undefined;
      return { code: 'wrong-idea', kind: 'misdefined', quote, term: rest, ...(why ? { why } : {}) };
    }
    case 'dismissed':
      return { code: 'wrong-idea', kind: 'dismissed', quote };
    case 'misfit': {
      const why = MISFIT_WHY[rest];
      return { code: 'wrong-idea', kind: 'misfit', quote, ...(why ? { why } : {}) };
    }
    default: {
      // A claim without a Chinese reason shows the English one on a Chinese scorecard.
      const claim = shippedWrongClaims().find((c) => c.id === id);
      return {
        code: 'wrong-idea',
        kind: 'claim',
        quote,
        ...(claim ? { why: { en: claim.why, zh: claim.whyZh ?? claim.why } } : {}),
      };
    }
  }
}

/** Notes for the first sentences read as wrong (`wrongAt`: per sentence, its claim ids). */
export function wrongIdeaNotes(
  sentences: readonly { text: string }[],
  wrongAt: readonly (readonly string[])[],
): ScoreNote[] {
  const notes: ScoreNote[] = [];
  sentences.forEach((s, i) => {
    const ids = wrongAt[i] ?? [];
    if (ids.length > 0 && notes.length < MAX_WRONG_IDEA_NOTES) notes.push(noteFor(s.text, ids[0]!));
  });
  return notes;
}
