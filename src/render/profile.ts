// Terminal views of `explain` (one tool's cited profile) and `compare` (all tools side by side).
import type { Comparison, ToolProfile } from '../catalog/profiles.js';
import type { RenderOptions } from './style.js';
import { cite, grid, makeChalk, stepText } from './table.js';
import { bullet, wrap } from './wrap.js';

export function renderProfile(p: ToolProfile, opts: RenderOptions): string {
  const c = makeChalk(opts);
  const w = opts.columns;
  const out: string[] = [...wrap(`${c.bold(p.name)} — ${p.summary}`, w), ...wrap(`Licence: ${p.licence}   Home: ${p.homepage}   Docs: ${p.docs}`, w, '', '  '), ''];
  const section = (title: string, rows: { text: string; sources: string[] }[]) => {
    out.push(c.bold(title));
    for (const r of rows) out.push(...bullet(`${r.text} ${c.dim(cite(r.sources))}`, w));
    out.push('');
  };
  section('Facts', p.facts.map((f) => ({ text: `${f.label}: ${f.value}`, sources: f.sources })));
  section('Strengths', p.strengths);
  section('Trade-offs', p.tradeOffs);
  section(
    'Managed offerings',
    p.managedOfferings.map((m) => ({ text: `${m.name} (${m.provider}; ${m.clouds.join(', ')}): ${m.text}`, sources: m.sources })),
  );
  section('Ratings (0-5)', p.ratings.map((r) => ({ text: `${r.name}: ${r.rating}/5. ${r.text}`, sources: r.sources })));
  section('First steps', p.nextSteps.map((s) => ({ text: stepText(s.text, s.command), sources: s.sources })));
  return out.join('\n');
}

export function renderComparison(data: Comparison, opts: RenderOptions): string {
  const c = makeChalk(opts);
  const head = ['Criterion', ...data.tools.map((t) => t.name)];
  const paint = (r: number) => (r >= 4 ? c.green(String(r)) : r <= 1 ? c.red(String(r)) : String(r));
  const rows = data.criteria.map((cr) => [cr.name, ...data.tools.map((t) => paint(cr.ratings[t.id]!.rating))]);
  const out = [grid(head, rows, opts, c), '', c.bold('Sources of each rating')];
  for (const cr of data.criteria) {
    out.push(...wrap(cr.name, opts.columns, '  '));
    for (const t of data.tools) out.push(...wrap(`${t.name}: ${cr.ratings[t.id]!.text} ${c.dim(cite(cr.ratings[t.id]!.sources))}`, opts.columns, '    ', '      '));
  }
  out.push('', ...wrap(c.dim(`Legend: ${data.legend.seed}; ${data.legend.https}.`), opts.columns));
  return out.join('\n') + '\n';
}
