/** The terminal's own wording (the engine's is in src/engine/messages.ts). */
import type { Lang } from '../../engine/types.ts';

const TEXT = {
  en: {
    help: [
      'Type your answer and press Enter (one message per line).',
      'Commands: /followup  /hint  /next (next stage)  /end (finish and score)',
      '          /scorecard  /status  /history  /export  /abandon  /forget-me  /help  /quit',
      '          /model-answer [stage] (after a stage in coach mode, or after the interview)',
      '          /image PATH [text] (a diagram as a PNG/JPEG/WebP/GIF file; a line that is only its path works too)',
      '          /self-assess on|off (rate each stage yourself before the scorecard, from your next interview)',
    ].join('\n'),
    imageFileProblem: (file: string, reason: string) =>
      reason === 'no-path'
        ? 'Give the path of the image after /image, e.g. /image ./board.png my design'
        : `Could not ${reason === 'missing' ? 'find' : 'read'} the file "${file}"${reason === 'not-a-file' ? ' (it is a folder)' : ''}. Nothing was sent; check the path (relative to the folder you ran the chat in).`,
    unknownCommand: (word: string) =>
      `"/${word}" is not a command, and a line starting with "/" is never taken as an answer. Type /help for the commands; to answer, leave out the leading "/".`,
    exportFailed: (file: string, reason: string) =>
      `Could not write ${file} (${reason}). The interview goes on; run it from a folder you can write to, then /export again.`,
    saved: (resume: string) => `Interview saved. Continue it later with: ${resume}`,
    // Input ended at the scenario picker: in a container or service there is no terminal, and a
    // silent exit (restarted over and over) says nothing about the missing platform tokens.
    noScenarioPicked:
      'Input ended before a scenario was picked: no interview started. npm start interviews you in this terminal; to run the Discord or Slack bot instead (a server, a container), set DISCORD_TOKEN, or SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (README "Run at scale").',
    exported: (file: string) => `Transcript and scorecard written to ${file}`,
    chartWritten: (file: string) => `Chart (PNG) written to ${file}`,
    pickScenario: 'Pick a scenario by number (or type its id):',
    badPick: 'Not a scenario number or id; try again.',
    resumeOffer: (title: string) =>
      `You have an unfinished interview (${title}). Resume it? [Y/n] `,
    thinking: 'Interviewer is thinking…',
    banner: (store: string, interviewer: string, scorer: string) =>
      `store: ${store} · interviewer: ${interviewer} · scorer: ${scorer}`,
    offline:
      'No LLM configured (OPENAI_API_KEY / OPENAI_BASE_URL): the interviewer and the scorer run offline, rule-based.',
    you: 'you> ',
  },
  zh: {
    help: [
      '输入你的回答后回车（每行一条消息）。',
      '命令：/followup 追问  /hint 提示  /next 下一阶段  /end 结束并评分',
      '      /scorecard 评分卡  /status 状态  /history 历史  /export 导出  /abandon 放弃  /forget-me 删除我的数据  /help  /quit',
      '      /model-answer [阶段] 参考答案（教练模式下阶段结束后，或面试结束后）',
      '      /image 路径 [文字] 发送架构图图片（PNG/JPEG/WebP/GIF；只输入图片路径的一行也可以）',
      '      /self-assess on|off 自我评估（从下一次面试起，看评分卡前先给每个阶段打分）',
    ].join('\n'),
    imageFileProblem: (file: string, reason: string) =>
      reason === 'no-path'
        ? '请在 /image 后面写图片路径，例如：/image ./board.png 我的设计'
        : `${reason === 'missing' ? '找不到' : '读不了'}文件「${file}」${reason === 'not-a-file' ? '（它是文件夹）' : ''}。没有发送任何内容；请检查路径（相对于你运行聊天的目录）。`,
    unknownCommand: (word: string) =>
      `"/${word}" 不是命令；以 "/" 开头的一行不会被当作回答。输入 /help 查看命令；要回答，请去掉开头的 "/"。`,
    exportFailed: (file: string, reason: string) =>
      `无法写入 ${file}（${reason}）。面试继续；请在可写的目录中运行，然后再次 /export。`,
    saved: (resume: string) => `面试已保存。稍后继续：${resume}`,
    noScenarioPicked:
      '选择题目之前输入已结束：没有开始面试。npm start 在这个终端里面试你；要运行 Discord 或 Slack 机器人（服务器、容器），请设置 DISCORD_TOKEN，或 SLACK_BOT_TOKEN 和 SLACK_SIGNING_SECRET（见 README「Run at scale」）。',
    exported: (file: string) => `记录和评分卡已写入 ${file}`,
    chartWritten: (file: string) => `图表（PNG）已写入 ${file}`,
    pickScenario: '输入编号（或场景 id）选择面试场景：',
    badPick: '没有这个编号或 id，请重试。',
    resumeOffer: (title: string) => `你有一场未完成的面试（${title}）。继续吗？[Y/n] `,
    thinking: '面试官思考中…',
    banner: (store: string, interviewer: string, scorer: string) =>
      `存储：${store} · 面试官：${interviewer} · 评分：${scorer}`,
    offline: '未配置 LLM（OPENAI_API_KEY / OPENAI_BASE_URL）：面试官和评分器以离线规则模式运行。',
    you: '你> ',
  },
} as const;

export function terminalText(lang: Lang) {
  return TEXT[lang];
}
