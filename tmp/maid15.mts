import { parseMermaid } from '../src/diagrams/mermaid.ts';
for (const t of ['flowchart LR\nA[召回] --> B[排序]', 'flowchart LR\n召回 --> 排序', 'flowchart LR\n召回[召回层] --> 排序', 'flowchart LR\n特征库 -->|特征| 排序模型\n日志 --> 特征库', 'flowchart LR\nn1["a (b)"] --> n2["x \\"y\\""]', 'flowchart LR\ncafé --> b']) console.log(JSON.stringify(parseMermaid(t)));
