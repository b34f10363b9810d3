/** What the offline interviewer says, in both languages: short, like a chat message. */
import type { Lang } from '../../engine/types.ts';

interface Phrases {
  acknowledgements: string[];
  clarifyLead: string;
  alreadySaid: string;
  notSpecified: string;
  probeTopic: (topic: string) => string;
  anythingElse: (stageTitle: string) => string;
  noFollowupsLeft: string;
}

const EN: Phrases = {
  acknowledgements: ['Okay, noted.', 'Got it.', 'Makes sense.', 'Understood.', 'Alright.'],
  clarifyLead: 'Good question.',
  alreadySaid: 'As I mentioned:',
  notSpecified:
    "That isn't specified for this problem. Make a reasonable assumption, state it, and carry on.",
  probeTopic: (topic) =>
    `You haven't said much about "${topic}" yet. How does it fit into your design?`,
  anythingElse: (stage) => `Anything else on ${stage.toLowerCase()}, or shall we move on?`,
  noFollowupsLeft: "I don't have more follow-ups here. Add anything you like, or let's move on.",
};

const ZH: Phrases = {
  acknowledgements: ['好的，记下了。', '明白。', '嗯，有道理。', '了解。', '好。'],
  clarifyLead: '好问题。',
  alreadySaid: '我前面提到过：',
  notSpecified: '这一点题目里没有具体说明。请做一个合理的假设，说出来，然后继续。',
  probeTopic: (topic) => `你还没怎么谈到「${topic}」。它在你的设计里怎么考虑？`,
  anythingElse: (stage) => `关于「${stage}」还有要补充的吗？没有的话我们就进入下一阶段。`,
  noFollowupsLeft: '这里我没有更多追问了。可以继续补充，或者我们进入下一阶段。',
};

export function phrases(lang: Lang): Phrases {
  return lang === 'zh' ? ZH : EN;
}
