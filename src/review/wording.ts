/**
 * How a finding is said, in English and Chinese: `ask` is the interviewer's question (names
 * the area, never the fix), `note` the scorecard line. Boxes are quoted from the candidate's
 * diagram with their own labels, shown as plain text (adapters escape it).
 */
import type { DiagramFinding } from '../diagrams/critique.ts';
import type { DiagramProblem } from '../diagrams/graph.ts';
import type { EstimateFinding } from '../estimates/check.ts';
import { roundForSpeech } from '../estimates/numbers.ts';
import type { ScenarioDiagram } from '../knowledge/diagram-schema.ts';
import type { Lang } from '../knowledge/schema.ts';

function quote(label: string, lang: Lang): string {
  const clean = label.replace(/[<>@`*_~|]/g, '').slice(0, 40);
  return lang === 'zh' ? `「${clean}」` : `"${clean}"`;
}

function componentName(expects: ScenarioDiagram, id: string, lang: Lang): string {
  return expects.catalogue.find((c) => c.id === id)?.name[lang] ?? id;
}

export function diagramAsk(f: DiagramFinding, expects: ScenarioDiagram, lang: Lang): string {
  const zh = lang === 'zh';
  switch (f.code) {
    case 'missing-component':
      return expects.catalogue.find((c) => c.id === f.component)?.ask[lang] ?? f.component;
    case 'missing-flow':
      return expects.flows.find((x) => x.id === f.flow)?.ask[lang] ?? f.flow;
    case 'training-serving-skew':
      return zh
        ? `你的图里训练的特征来自${quote(f.trainingSide, lang)}，线上服务的特征来自${quote(f.servingSide, lang)}。两边的特征值怎么保证一致？`
        : `In your diagram training gets its features from ${quote(f.trainingSide, lang)} and serving from ${quote(f.servingSide, lang)}. How do you make sure both see the same values?`;
    case 'self-labels':
      return zh
        ? `${quote(f.model, lang)} 的输出直接流进了 ${quote(f.target, lang)}。标签到底从哪里来？模型会不会只是在学它自己的决定？`
        : `The output of ${quote(f.model, lang)} flows straight into ${quote(f.target, lang)}. Where do the labels really come from, and is the model learning from its own decisions?`;
    case 'heavy-sync-model':
      return zh
        ? `${quote(f.box, lang)} 在请求的同步路径上，而整个请求只有 ${f.budgetMs} 毫秒。它来得及吗？`
        : `${quote(f.box, lang)} sits on the synchronous request path, and the whole request has ${f.budgetMs} ms. Does it fit in that budget?`;
    case 'unknown-box':
      return zh
        ? `图里的 ${quote(f.box, lang)} 是做什么的？它的输入和输出是什么？`
        : `What does ${quote(f.box, lang)} in your diagram do, and what flows in and out of it?`;
  }
}

export function diagramNote(f: DiagramFinding, expects: ScenarioDiagram, lang: Lang): string {
  const zh = lang === 'zh';
  const prefix = zh ? '架构图：' : 'Diagram: ';
  switch (f.code) {
    case 'missing-component':
      return `${prefix}${zh ? '缺少' : 'no '}${componentName(expects, f.component, lang)}${zh ? '。' : '.'}`;
    case 'missing-flow':
      return `${prefix}${zh ? '缺少数据流' : 'missing flow'} ${f.flow}${zh ? '。' : '.'}`;
    case 'training-serving-skew':
      return zh
        ? `${prefix}训练和线上的特征分别由 ${quote(f.trainingSide, lang)} 和 ${quote(f.servingSide, lang)} 计算（线上线下不一致的风险）。`
        : `${prefix}features for training (${quote(f.trainingSide, lang)}) and serving (${quote(f.servingSide, lang)}) are computed separately (training/serving skew).`;
    case 'self-labels':
      return zh
        ? `${prefix}标签来自模型自己的输出（${quote(f.model, lang)} → ${quote(f.target, lang)}）。`
        : `${prefix}labels come from the model's own decisions (${quote(f.model, lang)} → ${quote(f.target, lang)}).`;
    case 'heavy-sync-model':
      return zh
        ? `${prefix}重模型 ${quote(f.box, lang)} 在 ${f.budgetMs} 毫秒预算的同步路径上。`
        : `${prefix}heavy model ${quote(f.box, lang)} on the synchronous path of a ${f.budgetMs} ms budget.`;
    case 'unknown-box':
      return zh
        ? `${prefix}${quote(f.box, lang)} 的作用不清楚。`
        : `${prefix}unclear what ${quote(f.box, lang)} does.`;
  }
}

export function problemText(p: DiagramProblem, lang: Lang): string {
  const zh = lang === 'zh';
  const where =
    p.line !== undefined
      ? zh
        ? `（第 ${p.line} 行${p.column !== undefined ? `第 ${p.column} 列` : ''}）`
        : ` (line ${p.line}${p.column !== undefined ? `, column ${p.column}` : ''})`
      : '';
  const invite = zh
    ? '可以改好后重发，或者用箭头文字写，例如：日志 -> 特征库 -> 排序。'
    : 'Fix it and send it again, or write it as arrow text, e.g. logs -> feature store -> ranker.';
  const detail = p.detail ? ` ${p.detail.replace(/[<>@`]/g, '').slice(0, 120)}` : '';
  switch (p.code) {
    case 'not-a-flowchart':
      return zh
        ? `这个 Mermaid 图不是流程图（flowchart/graph），我只读流程图。${invite}`
        : `That Mermaid diagram is not a flowchart (flowchart/graph); I only read flowcharts. ${invite}`;
    case 'syntax':
      return zh
        ? `我读不懂这个 Mermaid 流程图${where}：${detail.trim()} ${invite}`
        : `I could not read that Mermaid flowchart${where}:${detail} ${invite}`;
    case 'empty':
      return zh ? `这个 Mermaid 块是空的。${invite}` : `That Mermaid block is empty. ${invite}`;
    case 'dangling-arrow':
      return zh
        ? `箭头${where}有一端没有方框：${detail.trim()}。${invite}`
        : `An arrow${where} has no box at one end:${detail}. ${invite}`;
    case 'too-large':
      return zh
        ? '这个图太大了，我只读 80 个方框、200 条箭头以内的图。请只画主要组件。'
        : 'That diagram is too large: I read up to 80 boxes and 200 arrows. Please draw the main components only.';
  }
}

export function estimateAsk(f: EstimateFinding, lang: Lang): string {
  const zh = lang === 'zh';
  switch (f.code) {
    case 'rate-off':
      return zh
        ? `${f.given} 平均下来大约是每秒 ${roundForSpeech(f.computedPerSecond, lang)} 次，而不是 ${roundForSpeech(f.claimedPerSecond, lang)}。这会怎样改变你的线上服务方案？`
        : `${f.given} is about ${roundForSpeech(f.computedPerSecond, lang)} per second on average, not ${roundForSpeech(f.claimedPerSecond, lang)}. How does that change your serving plan?`;
    case 'arithmetic-off':
      return zh
        ? `${f.expression} 算出来大约是 ${f.computed}，不是 ${f.claimed}。这会怎样改变你的方案？`
        : `${f.expression} comes to about ${f.computed}, not ${f.claimed}. How does that change your plan?`;
    case 'unit-error':
      return zh
        ? `${f.expression} 得到的是 ${f.computed}，单位和你写的 ${f.claimed} 对不上。你想算的是哪个量？`
        : `${f.expression} gives ${f.computed}, which is not the same kind of quantity as ${f.claimed}. Which one did you mean to estimate?`;
    case 'fact-off':
      return zh
        ? `你用的 ${f.words} 是 ${roundForSpeech(f.stated, lang)}，但这个场景大约是 ${roundForSpeech(f.actual, lang)}。按这个数会有什么不同？`
        : `You used ${roundForSpeech(f.stated, lang)} for ${f.words}, but this scenario has about ${roundForSpeech(f.actual, lang)}. What changes with that figure?`;
    case 'unreadable':
      return zh
        ? `我没看懂这段估算：「${f.text}」。可以写成算式吗？例如 5亿 × 1KB = 500GB。`
        : `I could not follow the arithmetic in "${f.text}". Could you write it out, e.g. 500M × 1 KB = 500 GB?`;
  }
}

export function estimateNote(f: EstimateFinding, lang: Lang): string {
  return `${lang === 'zh' ? '估算：' : 'Estimate: '}${estimateAsk(f, lang).split(/(?<=[.。])\s*/u)[0]}`;
}

export function creditNote(text: string, lang: Lang): string {
  return lang === 'zh' ? `估算正确：「${text}」` : `Estimate checked and correct: "${text}"`;
}
