/**
 * Which scenario is an answer about? Each scenario's text (both languages) becomes a set of
 * content words; a word's weight is its inverse document frequency across scenarios, so words
 * every scenario uses ("model", "latency") weigh nothing and domain words ("rider", "churn",
 * "广告") weigh most. An answer's affinity to a scenario is the summed weight of the distinct
 * words it shares with it: repetition and length add nothing beyond new distinct words.
 */

/** Function words and generic verbs and nouns that say nothing about a product domain. */
const STOPWORDS = new Set(
  `a about above after again against all also although always am an and any are as at be because
  been before being below between both but by can could did do does doing done down during each
  either else even ever every few for from further get gets getting go goes going good got had has
  have having here how however i if in into is it its itself just keep kept know last least less
  let like look looking lot lots make makes making many may maybe me might more most much must my
  need needs new next no nor not now of off often on once one only or other others our out over own
  per perhaps possible pretty put quite rather really same see seem should since so some something
  still such sure take than that the their them then there these they thing things think this those
  though through thus to too two under until up upon us use used uses using very via want was way
  we well were what when where whether which while who whom whose why will with within without
  would yet you your case cases first second third lot able help helps want wants give gives find
  set sets run runs etc e.g i.e vs example examples`.split(/\s+/),
);

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

function stemWord(word: string): string {
  const bare = word.length > 4 ? word.replace(/(ations?|ings?|ers?|ed|es|s)$/, '') : word;
  return bare.slice(0, 7);
}

/** Distinct content words: Latin words of 3+ letters (stemmed) and Chinese words of 2+ characters. */
export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const { segment, isWordLike } of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (!isWordLike) continue;
    if (/[\u3400-\u9fff]/.test(segment)) {
      if ([...segment].length >= 2) words.add(segment);
    } else if (/^[a-z][a-z0-9-]{2,}$/.test(segment) && !STOPWORDS.has(segment)) {
      words.add(stemWord(segment));
    }
  }
  return words;
}

export interface TermIndex {
  docs: Map<string, Set<string>>;
  idf: Map<string, number>;
}

export function buildTermIndex(texts: ReadonlyMap<string, string>): TermIndex {
  const docs = new Map<string, Set<string>>();
  const df = new Map<string, number>();
  for (const [id, text] of texts) {
    const words = contentWords(text);
    docs.set(id, words);
    for (const w of words) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const idf = new Map<string, number>();
  for (const [w, n] of df) idf.set(w, Math.log(docs.size / n));
  return { docs, idf };
}

/** Summed weight of the answer's distinct words found in each document, by document id. */
export function affinities(
  index: TermIndex,
  answerWords: ReadonlySet<string>,
): Map<string, number> {
  const result = new Map<string, number>();
  for (const [id, doc] of index.docs) {
    let sum = 0;
    for (const w of answerWords) if (doc.has(w)) sum += index.idf.get(w) ?? 0;
    result.set(id, sum);
  }
  return result;
}
