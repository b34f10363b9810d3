/**
 * What the rule-based interviewer says, in both languages: short, like a chat message. Lists
 * hold variants, so the same situation twice in a row never gets the same words twice.
 */
import type { Lang } from '../engine/types.ts';

export interface Phrases {
  acknowledgements: string[];
  clarifyLead: string;
  alreadySaid: string;
  /** Nothing in the scenario answers the question. Variants. */
  notSpecified: string[];
  /** Some questions got facts, the others are not covered by the scenario. */
  restNotSpecified: (count: number) => string;
  /** A probe into an area, when the knowledge base has no written question for it. */
  areaProbe: (area: string) => string;
  anythingElse: (stageTitle: string) => string[];
  /** The candidate sent the same message again. Variants. */
  repeated: string[];
  noFollowupsLeft: string;
  /** The candidate asked for the rubric or the answer. Variants. */
  noAnswerKey: string[];
  joiner: string;
}

const EN: Phrases = {
  acknowledgements: ['Okay, noted.', 'Got it.', 'Makes sense.', 'Understood.', 'Alright.'],
  clarifyLead: 'Good question.',
  alreadySaid: 'As I mentioned:',
  notSpecified: [
    "The scenario doesn't say. Assume what you think is reasonable, state it, and carry on.",
    "That isn't specified here. Make a reasonable assumption, say it out loud, and go on.",
    "I don't have that for this problem. Pick a sensible assumption, state it, and continue.",
  ],
  restNotSpecified: (count) =>
    count === 1
      ? "Your other question isn't covered by the scenario: assume what you think is reasonable and state it."
      : "Your other questions aren't covered by the scenario: assume what you think is reasonable and state it.",
  areaProbe: (area) =>
    `I'd like to hear more about ${/^[A-Z][a-z]/.test(area) ? area.charAt(0).toLowerCase() + area.slice(1) : area}. How would you approach it for this problem?`,
  anythingElse: (stage) => [
    `Anything else on ${stage.toLowerCase()}, or shall we move on?`,
    `Is there more you'd add on ${stage.toLowerCase()}? Otherwise we can move on.`,
    'Anything to add here before we go to the next stage?',
  ],
  repeated: [
    "You've said that already. What would you add, or shall we move on?",
    "That's the same as before. Take it further, or we can go to the next stage.",
    "I've heard that one. Is there anything new, or do you want to move on?",
  ],
  noFollowupsLeft: "I don't have more follow-ups here. Add anything you like, or let's move on.",
  noAnswerKey: [
    "I can't share the rubric or what I'm looking for: that's for you to work out. How would you approach this part?",
    "That stays with me, I'm afraid. Walk me through your own thinking on this stage instead.",
    "I won't list the expected points. Tell me what you think matters here and why.",
  ],
  joiner: ' ',
};

const ZH: Phrases = {
  acknowledgements: ['好的，记下了。', '明白。', '嗯，有道理。', '了解。', '好。'],
  clarifyLead: '好问题。',
  alreadySaid: '我前面提到过：',
  notSpecified: [
    '这一点题目里没有说明。请按你认为合理的情况做个假设，说出来，然后继续。',
    '题目没有给出这一点。请做一个合理的假设并说明，然后往下讲。',
    '这个我这里没有信息。请自己定一个合理的假设，讲清楚后继续。',
  ],
  restNotSpecified: () => '你的其他问题题目里没有说明：请按你认为合理的情况做假设，并说出来。',
  areaProbe: (area) => `我想多听听你在「${area}」方面的考虑：针对这个问题你会怎么做？`,
  anythingElse: (stage) => [
    `关于「${stage}」还有要补充的吗？没有的话我们就进入下一阶段。`,
    `「${stage}」这部分还想再补充点什么吗？不然我们继续往下。`,
    '这部分还有要补充的吗？没有的话就进入下一阶段。',
  ],
  repeated: [
    '这个你刚才已经说过了。还有要补充的吗？或者我们进入下一阶段。',
    '和前面说的一样。可以再深入一点，或者我们往下走。',
    '这点我已经听到了。有新的内容吗？没有的话我们继续。',
  ],
  noFollowupsLeft: '这里我没有更多追问了。可以继续补充，或者我们进入下一阶段。',
  noAnswerKey: [
    '评分标准和我想听到的内容不能告诉你，这需要你自己判断。这部分你会怎么做？',
    '这个我不能透露。请讲讲你自己对这个阶段的思路。',
    '我不会列出期望的要点。说说你认为这里什么最重要，为什么。',
  ],
  joiner: '',
};

export function phrases(lang: Lang): Phrases {
  return lang === 'zh' ? ZH : EN;
}

/** The variant at `index`, cycling. */
export function variant(list: readonly string[], index: number): string {
  return list[((index % list.length) + list.length) % list.length]!;
}
