/** The offline scorer's wording, in the interview's language. */
import type { Lang, Level } from '../../engine/types.ts';
import type { Criterion, Stage } from '../../knowledge/schema.ts';

export type CriterionFinding =
  | 'missing' // no concept of the criterion
  | 'named-only' // concepts named, no reasoning or specifics around them
  | 'reasoned'
  | 'generic' // reasoned, but nothing in the answer is specific to this scenario
  | 'vague' // reasoned, but in hand-waves, with no figures
  | 'off-topic'
  | 'insufficient' // too little text to judge anything
  | 'thin'; // reasoned, but the answer as a whole stays at level 2

const WHY: Record<Lang, Record<CriterionFinding, string>> = {
  en: {
    missing: 'Not addressed in your answer.',
    'named-only':
      'You named the right ideas but did not say why, with what trade-off, or with what numbers.',
    reasoned: 'You explained your choices.',
    generic: 'You explained your choices, but none of them is tied to this scenario’s specifics.',
    vague:
      'You explained your choices, but in general terms: commit to concrete choices, sizes and thresholds.',
    'off-topic':
      'Your answer addressed a different question, so this criterion could not be credited.',
    insufficient: 'Not enough to judge: the answer is too short to show anything here.',
    thin: 'You gave a reason here, but the answer stays thin: add this scenario’s specifics, trade-offs and numbers.',
  },
  zh: {
    missing: '回答中没有涉及。',
    'named-only': '提到了相关概念，但没有说明原因、权衡或具体数字。',
    reasoned: '对选择给出了理由。',
    generic: '给出了理由，但没有结合本题场景的具体情况。',
    vague: '给出了理由，但说得比较笼统：请给出具体的选择、规模和阈值。',
    'off-topic': '回答针对的是另一个问题，这一项无法得分。',
    insufficient: '内容太少，无法判断。',
    thin: '这里给出了理由，但整体还比较单薄：请结合本题场景补充具体做法、权衡和数字。',
  },
};

export function criterionFeedback(
  criterion: Criterion,
  level: Level,
  finding: CriterionFinding,
  lang: Lang,
): string {
  if (finding === 'insufficient') return `${criterion.name[lang]}: ${WHY[lang][finding]}`;
  const parts = [`${criterion.name[lang]} (${level}/4): ${WHY[lang][finding]}`];
  if (level < 4) {
    const next = criterion.levels[String(level + 1) as '2' | '3' | '4'][lang];
    parts.push(lang === 'zh' ? `更进一步：${next}` : `To reach ${level + 1}: ${next}`);
  }
  return parts.join(' ');
}

/** `score` null: the answer was too short to judge. */
export function stageFeedback(
  stage: Stage,
  score: number | null,
  strongest: Criterion | undefined,
  weakest: Criterion | undefined,
  missed: number,
  lang: Lang,
): string {
  if (score === null) {
    return lang === 'zh'
      ? `「${stage.title.zh}」：内容太少，无法判断，不计入总分。`
      : `${stage.title.en}: not enough to judge; left out of the overall score.`;
  }
  const s = score.toFixed(1);
  if (lang === 'zh') {
    const parts = [`「${stage.title.zh}」离线得分 ${s}/4。`];
    if (strongest) parts.push(`最好的一项：${strongest.name.zh}。`);
    if (weakest && weakest !== strongest) parts.push(`最需要加强：${weakest.name.zh}。`);
    if (missed > 0) parts.push(`遗漏了 ${missed} 个本题的关键点。`);
    return parts.join('');
  }
  const parts = [`${stage.title.en}: ${s}/4 (offline).`];
  if (strongest) parts.push(`Strongest: ${strongest.name.en}.`);
  if (weakest && weakest !== strongest) parts.push(`Work on: ${weakest.name.en}.`);
  if (missed > 0) parts.push(`${missed} key point(s) of this scenario not covered.`);
  return parts.join(' ');
}
