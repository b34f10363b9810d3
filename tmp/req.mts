import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
let t = performance.now();
const maid = require('@probelabs/maid');
console.log('maid', typeof maid.renderMermaid, (performance.now()-t).toFixed(0),'ms');
t = performance.now();
const m = require('mathjs');
console.log('mathjs', typeof m.create, (performance.now()-t).toFixed(0),'ms');
