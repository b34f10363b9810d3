import fs from 'node:fs';
import crypto from 'node:crypto';
const writers = ['w1','w2','w3','w4','w5','w6'];
let seed = 777; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const shuffle = a => { for (let i=a.length-1;i>0;i--){const j=Math.floor(rnd()*(i+1)); [a[i],a[j]]=[a[j],a[i]];} return a; };
const items = []; const ids = {};
for (const w of writers) {
  const lines = fs.readFileSync(`/work/corpus/out/${w}.jsonl`,'utf8').split('\n').filter(l=>l.trim());
  const seen = new Set();
  for (const l of lines) {
    const a = JSON.parse(l);
    if (seen.has(a.n)) { console.error('dup', w, a.n); continue; } seen.add(a.n);
    const id = 'a' + crypto.createHash('sha256').update(`${w}:${a.n}:corpus-v1`).digest('hex').slice(0, 8);
    ids[`${w}:${a.n}`] = id;
    items.push({ id, w, scenario: a.scenario, stage: a.stage, lang: a.lang, answer: a.answer });
  }
  console.log(w, seen.size);
}
fs.writeFileSync('/work/corpus/ids.json', JSON.stringify(ids, null, 1));
const all = shuffle(items.slice());
const P = 4; fs.mkdirSync('/work/corpus/batches', { recursive: true });
for (let p = 0; p < P; p++) {
  const b = all.filter((_, i) => i % P === p).map(({w, ...x}) => JSON.stringify(x));
  fs.writeFileSync(`/work/corpus/batches/primary-${p+1}.jsonl`, b.join('\n') + '\n');
}
// second labels: 26% stratified by writer, split into 2 batches
const sec = [];
for (const w of writers) { const mine = shuffle(items.filter(x=>x.w===w)); sec.push(...mine.slice(0, Math.ceil(mine.length*0.26))); }
shuffle(sec);
for (let p = 0; p < 2; p++) {
  const b = sec.filter((_, i) => i % 2 === p).map(({w, ...x}) => JSON.stringify(x));
  fs.writeFileSync(`/work/corpus/batches/second-${p+1}.jsonl`, b.join('\n') + '\n');
}
console.log('total', items.length, 'second', sec.length);
