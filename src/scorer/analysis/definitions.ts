/**
 * Misdefined terms: a sentence that defines an ML term ("a canary release means …", "召回率就是 …")
 * without any of the ideas the term is about. Interviewers rarely ask for definitions; answers
 * that stuff keywords define them, and get them wrong in endless ways, so instead of listing the
 * wrong definitions (knowledge/misconceptions.yaml does that for the common ones) this reads the
 * definition and asks whether it holds the term's gist (knowledge/definitions.yaml): "canary"
 * must say something about a small share of traffic, "recall" about the actual positives.
 *
 * Only sentences shaped as a definition are read ("X means", "X is basically", "X is a
 * technique that", "X 就是"); "canary at 5% for a day" or "recall matters more here" are uses,
 * not definitions, and are never judged.
 */
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_KNOWLEDGE_DIR } from '../../knowledge/loader.ts';
import { compilePatterns, readCatalogue } from '../catalogue-file.ts';

const Patterns = z.strictObject({
  en: z.array(z.string()).default([]),
  zh: z.array(z.string()).default([]),
});
const TermSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** How the term is written. */
  term: Patterns,
  /** Any of these in the definition means it is about the right thing (any language). */
  gist: z.array(z.string()).min(1),
  examples: z.strictObject({
    wrong: z.array(z.string()).min(1),
    right: z.array(z.string()).min(1),
  }),
  /**
   * What the term is for: the ideas it can rightly be said to serve ("quantization … to cut
   * latency"). A sentence that claims the term serves another catalogued idea, with none of
   * these or the gist in that claim, misuses it (term-misuse.ts). Terms without it are not judged.
   */
  purpose: z.array(z.string()).optional(),
  /**
   * A role a choice fills (a north-star metric, a guardrail, an SLA): in an outline, what
   * follows "guardrail metric:" is the metric chosen, never a definition.
   */
  slot: z.boolean().optional(),
  /**
   * A problem the design must prevent (leakage, skew, drift, a bias): a sentence that calls it
   * useful or good has its sign wrong (praised-problems.ts).
   */
  problem: z.boolean().optional(),
  /**
   * For a metric, which way is better: a sentence that calls it good in the other direction
   * reads it backwards (metric-direction.ts).
   */
  better: z.enum(['higher', 'lower']).optional(),
  /** Claims that must (wrong) and must not (right) count as misuse: checked by a test. */
  uses: z
    .strictObject({ wrong: z.array(z.string()).min(1), right: z.array(z.string()).min(1) })
    .optional(),
});
const FileSchema = z.strictObject({ version: z.literal(1), terms: z.array(TermSchema).min(1) });

export interface DefinedTerm {
  id: string;
  /** Global ('g') patterns: every place the term is written is read. */
  term: RegExp[];
  gist: RegExp[];
  examples: { wrong: string[]; right: string[] };
  /** What the term is for (empty: its uses are not judged). */
  purpose: RegExp[];
  uses?: { wrong: string[]; right: string[] };
  /** A role a choice fills: an outline colon after it introduces the choice. */
  slot: boolean;
  /** A problem to prevent: praising it is wrong. */
  problem: boolean;
  /** For a metric, which way is better (unset: not a metric, or it depends). */
  better?: 'higher' | 'lower';
}

/**
 * What follows a term when the sentence defines it. Evaluative uses ("A/B testing is a must",
 * "canary is the safer choice") are not definitions: after "is a/the" a definition names what
 * kind of thing the term is (a technique, a metric, a way …).
 */
const DEFINES_EN = new RegExp(
  [
    // "precision, which equals …": only as an apposition; "where precision equals recall"
    // relates two metrics.
    String.raw`^\s*,\s*(which |that )?equals?\b|^\s*(which|that) equals?\b|`,
    String.raw`^\s*(\([^)]{0,40}\)\s*)?,?\s*(which |that )?(basically |simply |just |essentially |really |literally |actually |in practice )?`,
    '(',
    String.raw`means\b|mean\b(?! of)|meaning\b|refers to\b|((is|are) )?(defined|computed|calculated) as\b(?! of\b)|stands for\b`,
    String.raw`|(is|are) (basically|just|simply|essentially|really|literally|actually|when|where|used to)\b`,
    // Spoken: "so X is, um, like, basically when …" (not "is, um, really important").
    String.raw`|(is|are),?(\s+(um+|uh+|er+|erm|like|you know|i mean|kind of|sort of),?)+\s+(basically|essentially|just|simply|when|where)\b`,
    String.raw`|(is|are) (a|an|one|another) ([\w-]+ ){0,2}(technique|method|way|approach|metric|measure|process|strategy|trick|model|algorithm|step|practice|score|check|kind|type|form|procedure|mechanism|setup|tool|idea|concept)s?\b`,
    // "the metric we optimise" is a choice, "the share of …" a definition.
    String.raw`|(is|are) the (number|percentage|share|fraction|ratio|proportion|probability|average|mean|sum|count|amount|rate|time|speed|size) of\b`,
    // A metric said to be an aggregate of another quantity: "NDCG is the mean CTR of the top ten".
    String.raw`|(is|are) the (average|mean|median|sum|total|expected) (?!of\b)[\w@-]+`,
    // What the thing is for or how it works, said of the term itself: "X is the process of",
    // "X is about", "X is used for", "X works by", and for metrics "X measures / tells us".
    String.raw`|(is|are) the (process|practice|idea|technique|act|method|art) of\b`,
    String.raw`|(is|are) (all |mostly |mainly )?about\b|(is|are) used (for|to|when)\b|(works|operates) by\b`,
    String.raw`|(measures|quantifies|tells (us|you)|captures|counts)\b`,
    ')',
  ].join(''),
  'iu',
);
const DEFINES_ZH =
  /^\s*(（[^）]{0,20}）|\([^)]{0,20}\))?\s*(其实|本质上|基本上|说白了|主要)?\s*(就是|是指|指的是|的意思是|意思是|也就是|我?的?理解的?就?是|定义为|定义成|计算为|是一种|是一个(方法|技术|指标|策略)|用来|用于|是用来|就是说|是(?=[^，,。；;！？]{1,16}的(方法|技术|指标|手段|策略|过程|做法))|衡量的是|通过)/u;

/**
 * A gloss right after the term: "canary (i.e. …)", "canary, meaning …". Not "canary: …": in an
 * outline a colon introduces the choice made ("feature store: Feast"), not a definition, unless
 * what follows it is shaped as one ("Recall@K: measures …", "AUC：两个用户互为好友的概率",
 * "NDCG：用来衡量 …"): outlines that stuff keywords define them this way.
 */
const GLOSS = new RegExp(
  [
    String.raw`^\s*([(（]\s*(i\.?e\.?,?|meaning|which means|即|也就是|就是)|,\s*(i\.?e\.?,?|meaning|that is,)`,
    String.raw`|[:：]\s*(a|an) ([\w-]+ ){0,2}(technique|method|way|approach|metric|measure|process|strategy|trick|mechanism) (that|which|where|for|of|to)\b`,
    String.raw`|[:：]\s*(it )?(measures|tells (us|you))\b|[:：]\s*(用来|用于|主要)?(衡量|表示|代表|指的是|是指)|[:：](?=[^，,。；;：:]{2,24}的(概率|比例|占比|比率))`,
    // What follows the colon is read from its start (lookaheads): "- PSI: the share of …",
    // "- Canary: a way that …". A choice is a name, a setting or a thing with its role ("- Feature
    // store: Feast", "- Canary: 5% for a day", "- Skew: the shared library that both paths
    // import"), not these shapes.
    String.raw`|[:：](?=\s*the (number|percentage|share|fraction|ratio|proportion|probability|average|mean|sum|count|amount|rate|time|speed|size|process|practice|act|idea) of\b)`,
    String.raw`|[:：](?=\s*(the|a|an) ([\w/-]+ ){0,2}(metric|measure|technique|method|process|way|approach|algorithm|mechanism|idea|concept|practice|probability|share|fraction|number|rate|score|loss|kind|type) (that|which|where)\b)`,
    String.raw`|[:：](?=\s*(a|an|the) ([\w-]+ ){0,2}(metric|measure|technique|method|process|way|approach|algorithm|mechanism|framework|library|system|service|list|table|schedule|window|cache|database) (for|of|like)\b)`,
    ')',
  ].join(''),
  'iu',
);

/**
 * A metric set equal to words in an outline: "MRR = avg CTR per keystroke", "AUC = accuracy on
 * the val set". Only for metrics (a term with a better direction): a metric is defined, while
 * after other terms "=" names the choice made ("feature store = Feast", "canary = 5% for a
 * day"). Not a value ("recall = 0.92", "p99 = 80 ms") and not the role the metric plays
 * ("PR-AUC = primary", "recall@1%FPR = guardrail"): what follows starts with a word, is two words
 * or more (four characters in Chinese), and is not a role.
 */
const METRIC_EQUALS =
  /^\s*(\([^)]{0,40}\)\s*)?=\s*(?=(?!(the |our |a )?(primary|secondary|main|north|guardrail|target|goal|key|headline|tie-?breaker|offline|online|kpi|metric|objective|主|护栏|核心|目标|离线|线上)\b)([a-z][\w-]*\s+[a-z(]|[\u4e00-\u9fff]{4}))/iu;

/** Reads and validates a definitions file; errors name the file and the term. */
export function loadDefinedTerms(file: string): DefinedTerm[] {
  return readCatalogue(FileSchema, file).terms.map((t) => ({
    id: t.id,
    term: compilePatterns([...t.term.en, ...t.term.zh], `${file}: ${t.id}`, 'giu'),
    // A gist word is a stem at a word start: "all" must not match in "recalls".
    gist: compilePatterns(
      t.gist.map((g) => `(?<![a-z0-9])(?:${g})`),
      `${file}: ${t.id}`,
    ),
    examples: t.examples,
    purpose: compilePatterns(
      (t.purpose ?? []).map((g) => `(?<![a-z0-9])(?:${g})`),
      `${file}: ${t.id}`,
    ),
    ...(t.uses ? { uses: t.uses } : {}),
    slot: t.slot ?? false,
    problem: t.problem ?? false,
    ...(t.better ? { better: t.better } : {}),
  }));
}

let shipped: DefinedTerm[] | undefined;

/** The committed glossary (knowledge/definitions.yaml), read once. */
export function shippedDefinedTerms(): DefinedTerm[] {
  shipped ??= loadDefinedTerms(path.join(DEFAULT_KNOWLEDGE_DIR, 'definitions.yaml'));
  return shipped;
}

/**
 * The definition the sentence gives of the term at `end` (its text after the term), or null.
 * It ends where a new clause turns to another catalogued term: in "precision, which is …, and
 * recall, which is …" the second clause's words must not vouch for the first definition, while
 * "a canary means we ship first, and only to 1% of traffic" is one definition.
 */
function definitionAfter(
  sentence: string,
  end: number,
  term: DefinedTerm,
  catalogue: readonly DefinedTerm[],
): string | null {
  const rest = sentence.slice(end);
  const choiceFollows = term.slot && /^\s*[:：]/u.test(rest);
  const cue =
    DEFINES_EN.exec(rest) ??
    DEFINES_ZH.exec(rest) ??
    (choiceFollows ? null : GLOSS.exec(rest)) ??
    (term.better ? METRIC_EQUALS.exec(rest) : null);
  if (!cue) return null;
  const definition = rest.slice(cue[0].length);
  // "Recall is really what matters", "a canary is actually safer": a verdict, not a definition.
  if (ADVERB_CUE.test(cue[0]) && VERDICT.test(definition)) return null;
  for (const boundary of definition.matchAll(CLAUSE_BOUNDARY)) {
    const next = definition.slice(boundary.index + boundary[0].length);
    if (startsWithTerm(next, catalogue)) return definition.slice(0, boundary.index);
  }
  return definition;
}

/** A cue that is "is" and an adverb: what follows may be a verdict instead of a definition. */
const ADVERB_CUE =
  /\b(is|are)\b[\s,]+(\w+,?\s+)*(basically|just|simply|essentially|really|literally|actually)\s*$/iu;
/**
 * What a verdict on the term starts with: how much it matters or how it compares. Only praise:
 * "X is really not needed" or "X is actually useless" are judged as before (its gist decides),
 * because keyword-stuffed answers wave standard practice away this way.
 */
const VERDICT =
  /^\s*((very|so|also|still|quite|pretty|super|extremely|equally|just as|as)\s+)?((more|less|most|least)\s+)?(important|critical|crucial|key|essential|vital|necessary|needed|required|useful|helpful|enough|sufficient|better|worse|best|safer|cheaper|faster|fine|great|good|informative|relevant|reliable|robust|a must|must-have)(?![-\w])|^\s*what (matters|counts|we (care|want|need|optimi[sz]e|track|watch))\b|^\s*the (right|best|safest|better|real) (choice|option|call|thing|one|way)\b|^\s*(the|our) (\w+ )?(metric|thing|one|number|kpi) (that|which) (matters|counts)\b|^\s*(our|the) north[- ]star\b|^\s*all (that )?(matters|we care about)\b/iu;

/** Where a new clause may start: a semicolon, or a comma and a conjunction. */
const CLAUSE_BOUNDARY =
  /[;；]|,\s*(?:and|but|while|whereas|plus|then|so)\b|，\s*(?:而|但|另外|然后|同时|所以)/giu;

/** Does the text name a catalogued term within its first few words? */
function startsWithTerm(text: string, catalogue: readonly DefinedTerm[]): boolean {
  const head = text.slice(0, 30);
  return catalogue.some((t) => {
    const at = whereNamed(t, head);
    return at >= 0 && at <= 12;
  });
}

/**
 * Where the text first names the term, or -1. The term's patterns are global (every place it is
 * written is read), so each search starts at the beginning and leaves no state behind.
 */
export function whereNamed(term: DefinedTerm, text: string): number {
  let first = -1;
  for (const re of term.term) {
    re.lastIndex = 0;
    const hit = re.exec(text);
    re.lastIndex = 0;
    if (hit && (first < 0 || hit.index < first)) first = hit.index;
  }
  return first;
}

/** Any defining word anywhere in the sentence (a cheap first pass). */
const ANY_CUE = new RegExp(
  [DEFINES_EN, DEFINES_ZH, GLOSS, METRIC_EQUALS]
    .map((re) => re.source.replace(/\^\\s\*/g, ''))
    .join('|'),
  'iu',
);

/**
 * One instance of the term, not the term: "a new listing's embedding is the average of …",
 * "its recall is …".
 */
const INSTANCE =
  /(['’]s|\b(its|their|our|your|each|every|this|that|these|those|his|her))\s+([\w-]+\s+)?$/iu;
/** A value, not a definition: "PR-AUC is just 0.04". */
const VALUE = /^\s*(about |around |only |roughly |~|≈)?[\d.]/u;

/** Does the sentence define the term without its gist? */
export function misdefines(
  sentence: string,
  term: DefinedTerm,
  catalogue: readonly DefinedTerm[] = shippedDefinedTerms(),
): boolean {
  for (const re of term.term) {
    for (const match of sentence.matchAll(re)) {
      if (INSTANCE.test(sentence.slice(0, match.index))) continue;
      const definition = definitionAfter(sentence, match.index + match[0].length, term, catalogue);
      // A definition with nothing after the cue ("that's what canary means.") says nothing.
      if (definition === null || definition.trim().length < 3 || VALUE.test(definition)) continue;
      if (!term.gist.some((g) => g.test(definition))) return true;
    }
  }
  return false;
}

/** The ids of the terms the sentences misdefine (each term once). */
export function misdefinedTermsIn(
  sentences: readonly string[],
  terms: readonly DefinedTerm[],
  catalogue: readonly DefinedTerm[] = terms,
): string[] {
  // Most sentences define nothing: only those with a defining word anywhere are read term by
  // term.
  const defining = sentencesToRead(sentences, ANY_CUE);
  return terms.filter((t) => defining.some((s) => misdefines(s, t, catalogue))).map((t) => t.id);
}

/**
 * A sentence that reports a belief as a mistake ("a common mistake is to think lower MRR is
 * better", "Assuming TF-IDF captures meaning is wrong", "常见误区是…") states the opposite of what
 * its words say: none of the glossary's readers judges it.
 */
const REPORTED_AS_WRONG =
  /\b(common|classic|typical|frequent|rookie) (mistake|pitfall|misconception|trap|error)\b|\b(mistake|misconception|myth|pitfall|fallacy) (is|was) (to|that|thinking|assuming|believing)\b|\b(it'?s|is) a (myth|misconception|mistake) (that|to)\b|\bmistaken(ly)?\b|^\s*(assuming|thinking|believing|expecting) .* (is|was) (wrong|incorrect|false)\b|误区|常见(的)?错误|错误的做法|是错的|是错误的|误以为|错误地(认为|以为)/iu;

/**
 * The sentences a reader of the glossary judges: those its cheap first passes all find something
 * in, minus beliefs reported as mistakes, each with runs of white space as one space (the
 * patterns' optional spaces would otherwise make a long run cost far more than its length).
 */
export function sentencesToRead(
  sentences: readonly string[],
  ...firstPasses: readonly RegExp[]
): string[] {
  return sentences
    .map(oneSpaced)
    .filter((s) => firstPasses.every((re) => re.test(s)) && !REPORTED_AS_WRONG.test(s));
}

/** The text with every run of white space as one space. */
function oneSpaced(text: string): string {
  return text.replace(/\s+/gu, ' ');
}
