// Deterministic assignment of (scenario, stage, target level, length, kind) per writer.
import fs from 'node:fs';
const scen = fs.readFileSync('/work/corpus/materials/scenarios.md','utf8').match(/^## `([^`]+)`/gm).map(s=>s.slice(4,-1));
const stages = ['requirements','metrics','architecture','data','features','modeling','serving','deployment','scaling','monitoring','updating'];
let seed = 12345; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const shuffle = a => { for (let i=a.length-1;i>0;i--){const j=Math.floor(rnd()*(i+1)); [a[i],a[j]]=[a[j],a[i]];} return a; };
const writers = ['w1','w2','w3','w4','w5','w6'];
const N = 106;
// all pairs, each writer gets a rotated slice so every pair is covered by ~3 writers
const pairs = []; for (const s of scen) for (const st of stages) pairs.push([s,st]);
for (const [wi,w] of writers.entries()) {
  const ps = shuffle(pairs.slice()).slice(0, N);
  const levels = shuffle(Array.from({length:N},(_,i)=>1+(i%4)));
  const lengths = shuffle(Array.from({length:N},(_,i)=>['short','medium','long'][i%3]));
  const items = ps.map(([s,st],i)=>({ n:i+1, scenario:s, stage:st, level:levels[i], length:lengths[i], kind:'normal' }));
  // special kinds on a few items (level targets are overridden)
  const special = [['other-stage',6],['addresses-grader',4],['keyword-stuffed',5]];
  let k = 0;
  for (const [kind,count] of special) for (let c=0;c<count;c++) { const it = items[k++]; it.kind = kind; }
  shuffle(items).forEach((it,i)=>it.n=i+1);
  items.sort((a,b)=>a.n-b.n);
  let txt = 'n\tscenario\tstage\ttarget_level\tlength\tkind\n' + items.map(it=>[it.n,it.scenario,it.stage,it.kind==='normal'?it.level:'-',it.length,it.kind].join('\t')).join('\n')+'\n';
  fs.writeFileSync(`/work/corpus/assign/${w}.tsv`, txt);
}
