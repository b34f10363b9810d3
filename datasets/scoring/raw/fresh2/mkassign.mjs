// Assignments for the fifth independent set: answers to another stage's question, keyword-stuffed,
// confidently wrong and strong answers, by three writers new to the project.
import fs from 'node:fs';
const root = process.argv[2] ?? '/work/corpus5';
const scen = fs.readFileSync(`${root}/materials/scenarios.md`,'utf8').match(/^## `([^`]+)`/gm).map(s=>s.slice(4,-1));
const stages = ['requirements','metrics','architecture','data','features','modeling','serving','deployment','scaling','monitoring','updating'];
let seed = 5151; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const shuffle = a => { for (let i=a.length-1;i>0;i--){const j=Math.floor(rnd()*(i+1)); [a[i],a[j]]=[a[j],a[i]];} return a; };
const pairs = []; for (const s of scen) for (const st of stages) pairs.push([s,st]);
for (const w of ['w16','w17','w18']) {
  const N = 32;
  const ps = shuffle(pairs.slice()).slice(0, N);
  const kinds = shuffle([...Array(8).fill('other-stage'), ...Array(8).fill('keyword-stuffed'), ...Array(8).fill('confidently-wrong'), ...Array(8).fill('strong')]);
  const lengths = shuffle(Array.from({length:N},(_,i)=>['short','medium','long'][i%3]));
  const lo = shuffle(Array.from({length:16},(_,i)=>1+(i%2))); const hi = shuffle(Array.from({length:8},(_,i)=>3+(i%2)));
  const rows = ps.map(([s,st],i)=>{ const kind = kinds[i]; const level = kind==='strong' ? hi.pop() : kind==='other-stage' ? 1 : lo.pop(); return [i+1,s,st,level,lengths[i],kind].join('\t'); });
  fs.writeFileSync(`${root}/assign/${w}.tsv`, 'n\tscenario\tstage\ttarget_level\tlength\tkind\n'+rows.join('\n')+'\n');
}
