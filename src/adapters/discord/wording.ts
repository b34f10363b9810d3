/**
 * The few sentences only the Discord adapter says (where the interview is, what Discord would
 * not let us do), in both interview languages. Everything about the interview itself comes
 * from the engine's messages (src/engine/messages.ts).
 */
import type { Lang } from '../../engine/types.ts';

export interface DiscordWording {
  interviewIsIn: (threadMention: string) => string;
  needsTextChannel: string;
  threadFailed: string;
  scenariosTitle: string;
  scenariosHint: string;
  shuttingDown: string;
  threadName: (scenarioTitle: string, candidateName: string) => string;
}

const EN: DiscordWording = {
  interviewIsIn: (thread) => `Your interview is ready in ${thread}. Answer there; good luck!`,
  needsTextChannel:
    'Start an interview from a text channel of a server (it opens a thread) or in a direct message with me.',
  threadFailed:
    'I could not open a thread for the interview here. Please ask an admin to let me create threads and send messages in threads in this channel.',
  scenariosTitle: 'Interview scenarios',
  scenariosHint: 'Start one with /interview start scenario:<id>.',
  shuttingDown: 'The bot is restarting; please try again in a minute.',
  threadName: (scenario, candidate) => `${scenario} · ${candidate}`,
};

const ZH: DiscordWording = {
  interviewIsIn: (thread) => `你的面试已在 ${thread} 中准备好。请在那里作答，祝你好运！`,
  needsTextChannel: '请在服务器的文字频道中开始面试（会创建一个子区），或者在与我的私信中开始。',
  threadFailed: '无法在这里为面试创建子区。请让管理员允许我在此频道创建子区并在子区中发言。',
  scenariosTitle: '面试题目',
  scenariosHint: '用 /interview start scenario:<id> 开始一场面试。',
  shuttingDown: '机器人正在重启，请一分钟后再试。',
  threadName: (scenario, candidate) => `${scenario} · ${candidate}`,
};

export function discordWording(lang: Lang): DiscordWording {
  return lang === 'zh' ? ZH : EN;
}

/** The interview language a Discord client locale suggests (`zh-CN`, `zh-TW` → zh). */
export function langFromLocale(locale: string | null | undefined): Lang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
