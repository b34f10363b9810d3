/**
 * What the engine says about images sent with an answer, in English and Chinese: refused files
 * (type, size, count), no model that reads images, and what was read from one. Kept apart from
 * the main wording tables (messages.ts) so each stays a readable size.
 */
import { IMAGE_LIMITS, type RefusedAttachment } from './attachments.ts';
import type { Lang } from './types.ts';

export interface ImageText {
  refused: (file: RefusedAttachment) => string;
  /** No model reads images here; `textTaken`: the message's text was taken as the answer. */
  noVision: (names: string[], textTaken: boolean) => string;
  read: (name: string, mermaid: string) => string;
  notADiagram: (name: string) => string;
  readFailed: (name: string, why: 'unreadable' | 'unavailable', textTaken: boolean) => string;
}

const MB = IMAGE_LIMITS.maxBytes / (1024 * 1024);
const EXAMPLE_EN = 'logs -> feature store -> ranker';
const EXAMPLE_ZH = '日志 -> 特征库 -> 排序';
const PASTE_EN = `Paste it as a Mermaid flowchart (a \`\`\`mermaid block starting with "flowchart LR") or as arrow text, e.g. ${EXAMPLE_EN}.`;
const PASTE_ZH = `请把图贴成 Mermaid 流程图（以 "flowchart LR" 开头的 \`\`\`mermaid 代码块），或者用箭头文字写，例如：${EXAMPLE_ZH}。`;

const EN: ImageText = {
  refused: ({ name, why, detected }) => {
    switch (why) {
      case 'too-large':
        return `"${name}" is larger than ${MB} MB, so I did not read it. Send a smaller image (a screenshot of the diagram is enough).`;
      case 'too-many':
        return `I read up to ${IMAGE_LIMITS.maxImages} images per message; "${name}" was left out. Send it in your next message.`;
      case 'not-an-image':
        return `"${name}" is not an image${detected ? ` (it is ${detected})` : ''}, so I did not read it. I read diagrams as PNG, JPEG, WebP or GIF images.`;
      case 'unsupported-image':
        return `"${name}" is an image of a type I do not read${detected ? ` (${detected})` : ''}. Send it as PNG, JPEG, WebP or GIF.`;
      case 'download-failed':
        return `I could not download "${name}" from the chat in time. Send it again, or paste the diagram as text.`;
    }
  },
  noVision: (names, textTaken) =>
    `I cannot read images in this setup (no model that takes images is configured), so I did not look at ${names.map((n) => `"${n}"`).join(', ')}. ${PASTE_EN}${textTaken ? ' The text of your message was taken as your answer.' : ''}`,
  read: (name, mermaid) =>
    `From "${name}" I read this diagram (if I misread it, paste a corrected version):\n\`\`\`mermaid\n${mermaid}\n\`\`\``,
  notADiagram: (name) => `I could not see a diagram of boxes and arrows in "${name}". ${PASTE_EN}`,
  readFailed: (name, why, textTaken) =>
    `I could not read the diagram in "${name}"${why === 'unavailable' ? ': the model that reads images did not answer' : ": the model's reading of it was malformed"}. ${PASTE_EN}${textTaken ? ' The text of your message was taken as your answer.' : ''}`,
};

const ZH: ImageText = {
  refused: ({ name, why, detected }) => {
    switch (why) {
      case 'too-large':
        return `「${name}」超过 ${MB} MB，我没有读它。请发一张小一些的图（截取架构图部分就够了）。`;
      case 'too-many':
        return `每条消息我最多读 ${IMAGE_LIMITS.maxImages} 张图，「${name}」没有读。请在下一条消息里发。`;
      case 'not-an-image':
        return `「${name}」不是图片${detected ? `（它是 ${detected}）` : ''}，我没有读它。架构图请用 PNG、JPEG、WebP 或 GIF 图片。`;
      case 'unsupported-image':
        return `「${name}」是我不读的图片格式${detected ? `（${detected}）` : ''}。请用 PNG、JPEG、WebP 或 GIF。`;
      case 'download-failed':
        return `我没能及时从聊天里下载「${name}」。请重发，或者把图用文字贴出来。`;
    }
  },
  noVision: (names, textTaken) =>
    `当前配置读不了图片（没有配置能看图的模型），所以我没有看 ${names.map((n) => `「${n}」`).join('、')}。${PASTE_ZH}${textTaken ? '你消息里的文字已经作为回答记下。' : ''}`,
  read: (name, mermaid) =>
    `我从「${name}」里读出了这张图（如果读错了，请贴一个改正的版本）：\n\`\`\`mermaid\n${mermaid}\n\`\`\``,
  notADiagram: (name) => `我在「${name}」里没有看到方框和箭头组成的架构图。${PASTE_ZH}`,
  readFailed: (name, why, textTaken) =>
    `我没能读出「${name}」里的图${why === 'unavailable' ? '：读图的模型没有响应' : '：模型读出的结果格式不对'}。${PASTE_ZH}${textTaken ? '你消息里的文字已经作为回答记下。' : ''}`,
};

export function imageText(lang: Lang): ImageText {
  return lang === 'zh' ? ZH : EN;
}
