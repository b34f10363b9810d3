// Assignments for the sixth independent set: ordinary answers at every level (1-4, six each), in
// five candidate voices, lengths drawn apart from levels, by five writers new to the project.
import fs from 'node:fs';
const root = process.argv[2] ?? '/work/corpus6';
const scen = fs.readFileSync(`${root}/materials/scenarios.md`,'utf8').match(/^## `([^`]+)`/gm).map(s=>s.slice(4,-1));
const stages = ['requirements','metrics','architecture','data','features','modeling','serving','deployment','scaling','monitoring','updating'];
let seed = 6262; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const shuffle = a => { for (let i=a.length-1;i>0;i--){const j=Math.floor(rnd()*(i+1)); [a[i],a[j]]=[a[j],a[i]];} return a; };
const pairs = []; for (const s of scen) for (const st of stages) pairs.push([s,st]);
for (const w of ['w19','w20','w21','w22','w23']) {
  const N = 24;
  const ps = shuffle(pairs.slice()).slice(0, N);
  const levels = shuffle(Array.from({length:N},(_,i)=>1+(i%4)));
  const lengths = shuffle(Array.from({length:N},(_,i)=>['short','medium','long'][i%3]));
  const rows = ps.map(([s,st],i)=>[i+1,s,st,levels[i],lengths[i],'normal'].join('\t'));
  fs.writeFileSync(`${root}/assign/${w}.tsv`, 'n\tscenario\tstage\ttarget_level\tlength\tkind\n'+rows.join('\n')+'\n');
}
