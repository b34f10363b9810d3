import { graphToMermaid } from '../src/diagrams/to-mermaid.ts';
import { parseMermaid } from '../src/diagrams/mermaid.ts';
const m = graphToMermaid({source:'mermaid', nodes:[{id:'a',label:'Event logs (clicks)'},{id:'b',label:'特征库 "x"'},{id:'c',label:'Ranker [GBDT]'}], edges:[{from:'a',to:'b',label:'stream|batch'},{from:'b',to:'c',dotted:true},{from:'a',to:'c',label:'特征'}]});
console.log(m); console.log(JSON.stringify(parseMermaid(m)));
