/**
 * Hand-waving: interviewers mark down an answer that reasons in hand-waves ("some kind of",
 * "basically", "should be straightforward", "一些", "之类的"). The offline scorer weighs the share
 * of an answer's content sentences that do (src/scorer/features.ts).
 */
import { wordListPattern } from './word-list.ts';

/**
 * Hand-waving: hedges, vague quantities, placeholders for the rest of a list, claims that
 * something is easy or standard, and evaluatives with no content. Each is a way to sound like
 * an answer without committing to a choice.
 */
const VAGUE_EN = wordListPattern([
  // hedges
  'maybe',
  'probably',
  'might',
  'perhaps',
  'i think',
  'i guess',
  'hopefully',
  // vague quantities and kinds
  'some (kind|sort|type) of',
  'kind of',
  'sort of',
  'a lot of',
  'lots of',
  'various',
  'a bunch of',
  // placeholders for what was not said
  'etc\\.?',
  'and so on',
  'stuff',
  'things like',
  'something like',
  'something',
  'somehow',
  'a while',
  'some time',
  // "it is easy / standard / obvious"
  'basically',
  'simply',
  'just',
  'straightforward',
  'out of the box',
  'standard',
  'everyone',
  'obviously',
  'of course',
  'should (be|work|handle)',
  // evaluatives with no content
  'really',
  'very',
  'important',
  'properly',
  'appropriate',
]);

const VAGUE_ZH =
  /(大概|可能|也许|或许|应该|差不多|好像|一些|很多|各种|之类|等等|什么的|基本上|就行|就可以了|直接用|简单|比较好|很重要|合适的|好的模型|一下|我觉得|一段时间|看看|肯定|总之|就够了?|挺)/;

export function isVague(sentence: string): boolean {
  return VAGUE_EN.test(sentence) || VAGUE_ZH.test(sentence);
}
