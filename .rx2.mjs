import { readFileSync } from 'node:fs';
const { trieSource } = await import('./dist/src/audit/prescan.js');
const notes = readFileSync('/tmp/corpus/export.jsonl','utf8').split('\n').slice(0, 20000).filter(Boolean).map(l => JSON.parse(l).note);
const mb = notes.reduce((a, n) => a + n.length, 0) / 1048576;
const big = `race racial racially mixed biracial multiracial bi multi half white black asian other south african caribbean british ethnic minority bame bme non coloured negro mulatto oriental illegal illegals blacks whites gyppo pikey tinker aggressive hostile intimidating threatening volatile confrontational disrespectful defiant loud angry uncooperative evasive manipulative argumentative rude emotionally menacing unpredictable streetwise mature putting lifestyle promiscuous sexually child drug consented consensual knew young alleged perceived claims racially tinged charged tension banter oversensitive playing cultural typical common tend tends due culturally hard failed refused non resistant chaotic compliant lac cla cic cin cp cpp nfa dna sw fgc icpc rcpc s47 s17 mash ehcp uasc cse cce dv da mh yp cyp plo lado iro pep sgo`.split(/\s+/);
const set = new Set(big);
const cpu = (u) => (u.user + u.system) / 1e6;
const re = new RegExp(`(?<![A-Za-z0-9])${trieSource([...set])}(?![A-Za-z0-9])`, 'gi');
const reB = new RegExp(`\\b${trieSource([...set])}\\b`, 'gi');
const word = /[A-Za-z0-9]+(?:['’][A-Za-z]+)?/g;
const impls = {
  trieRegex: (t) => { let n = 0; for (const m of t.matchAll(re)) n++; return n; },
  trieRegexB: (t) => { let n = 0; for (const m of t.matchAll(reB)) n++; return n; },
  words: (t) => { let n = 0; for (const m of t.matchAll(word)) if (set.has(m[0].toLowerCase())) n++; return n; },
  execLoop: (t) => { let n = 0; re.lastIndex = 0; while (re.exec(t)) n++; return n; },
};
for (let round = 0; round < 3; round++) for (const [name, f] of Object.entries(impls)) {
  const t = process.cpuUsage(); let n = 0;
  for (const note of notes) n += f(note);
  if (round) console.log(name.padEnd(12), (mb / cpu(process.cpuUsage(t))).toFixed(0), 'MiB/s', n);
}
