// Assignments for two more training writers: keyword-stuffed, confidently wrong and normal answers.
import fs from 'node:fs';
const scen = fs.readFileSync('/work/corpus3/materials/scenarios.md','utf8').match(/^## `([^`]+)`/gm).map(s=>s.slice(4,-1));
const stages = ['requirements','metrics','architecture','data','features','modeling','serving','deployment','scaling','monitoring','updating'];
let seed = 4242; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const shuffle = a => { for (let i=a.length-1;i>0;i--){const j=Math.floor(rnd()*(i+1)); [a[i],a[j]]=[a[j],a[i]];} return a; };
const pairs = []; for (const s of scen) for (const st of stages) pairs.push([s,st]);
for (const w of ['w11','w12']) {
  const N = 60;
  const ps = shuffle(pairs.slice()).slice(0, N);
  const kinds = shuffle([...Array(20).fill('keyword-stuffed'), ...Array(16).fill('confidently-wrong'), ...Array(24).fill('normal')]);
  const lengths = shuffle(Array.from({length:N},(_,i)=>['short','medium','long'][i%3]));
  const lo = shuffle(Array.from({length:36},(_,i)=>1+(i%2))); const any = shuffle(Array.from({length:24},(_,i)=>1+(i%4)));
  const rows = ps.map(([s,st],i)=>{ const kind = kinds[i]; const level = kind==='normal' ? any.pop() : lo.pop(); return [i+1,s,st,level,lengths[i],kind].join('\t'); });
  fs.writeFileSync(`/work/corpus3/assign/${w}.tsv`, 'n\tscenario\tstage\ttarget_level\tlength\tkind\n'+rows.join('\n')+'\n');
}
