// Opaque ids and one shuffled batch of every answer (each labeler labels all of them, blind).
import fs from 'node:fs';
import { createHash } from 'node:crypto';
const root = process.argv[2] ?? '/work/corpus6';
const items = [];
for (const w of ['w19','w20','w21','w22','w23']) for (const l of fs.readFileSync(`${root}/out/${w}.jsonl`,'utf8').split('\n').filter(Boolean)) {
  const a = JSON.parse(l); const id = 'c6-' + createHash('sha256').update(`${w}:${a.n}`).digest('hex').slice(0,8);
  items.push({ key: `${w}:${a.n}`, id, scenario: a.scenario, stage: a.stage, lang: a.lang, answer: a.answer });
}
const ids = Object.fromEntries(items.map(i=>[i.key,i.id]));
fs.writeFileSync(`${root}/ids.json`, JSON.stringify(ids, null, 1));
let seed = 299; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
for (const [name, s] of [['I', 31], ['J', 37]]) {
  seed = s; const b = items.slice(); for (let i=b.length-1;i>0;i--){const j=Math.floor(rnd()*(i+1)); [b[i],b[j]]=[b[j],b[i]];}
  fs.writeFileSync(`${root}/batches/${name}.jsonl`, b.map(({key, ...r})=>JSON.stringify(r)).join('\n')+'\n');
}
console.log(items.length, 'items');
