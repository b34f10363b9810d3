/**
 * Absolute claims: "always", "never", "guarantees", "eliminates", "completely", "一定", "保证",
 * "彻底". Design choices in ML trade one thing for another; an answer that states its choices as
 * certainties rarely weighs them, and answers that are confidently wrong lean on exactly these
 * words. The offline scorer weighs the share of an answer's content sentences that make one
 * (src/scorer/features.ts); the training keeps that weight at or below zero.
 *
 * Written from general usage of certainty words, not from any answer of the scoring corpus.
 * Words that also serve plain scoping or engineering terms are left out: "all users in the EU"
 * is a scope, "ramp to 100%", "zero-downtime", "exactly-once" and "保证" (to ensure) are not
 * certainties.
 */
import { wordListPattern } from './word-list.ts';

const ABSOLUTE_EN = wordListPattern([
  'always',
  'never',
  'guarantee[sd]?',
  'impossible',
  'no need',
  'completely',
  'perfectly',
  'entirely',
  'totally',
  'every single',
  // Not the engineering terms "zero-downtime", "exactly-once".
  'zero(?!-)',
  'exactly(?!-)',
  'eliminat(e|es|ed|ing)',
  'solves?',
  'definitely',
  'certainly',
]);

const ABSOLUTE_ZH = /一定|永远|总是|完全|绝对|彻底|不会有|根本|必然|肯定/;

/** Does the sentence state something as certain? */
export function isAbsolute(sentence: string): boolean {
  return ABSOLUTE_EN.test(sentence) || ABSOLUTE_ZH.test(sentence);
}
