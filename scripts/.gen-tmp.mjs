import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
const land = parse(readFileSync('/work/wt/i18/examples/landscape.yaml', 'utf8'), { schema: 'core' });
let a = 12345;
const rnd = () => { a = (a * 1103515245 + 12345) % 2147483648; return a / 2147483648; };
const base = land.tools[0];
const synth = [];
for (let i = 0; synth.length + 9 < 20; i++) {
  const ratings = Object.fromEntries(Object.entries(base.ratings).map(([c, r]) => [c, { ...r, rating: Math.floor(rnd() * 6) }]));
  synth.push({ ...base, id: `synthetic-${i + 1}`, name: `Synthetic ${i + 1}`, managedOfferings: [], ratings });
}
writeFileSync('/tmp/i18/c20.json', JSON.stringify({ tools: [...land.tools, ...synth] }));
