// Terminal views of `explain` (one tool's cited profile) and `compare` (all tools side by side).
import type { Comparison, ToolProfile } from '../catalog/profiles.js';
import type { RenderOptions } from './style.js';
import { cite, grid, makeChalk, stepText } from './table.js';
import { bullet, wrap } from './wrap.js';

export function renderProfile(p: ToolProfile, opts: RenderOptions): string {
  const c = makeChalk(opts);
  const w = opts.columns;
  const out: string[] = [...wrap(`${c.bold(p.name)} — ${p.summary}`, w), ...wrap(`Licence: ${p.licence}   Home: ${p.homepage}   Docs: ${p.docs}`, w, '', '  '), ''];
  const section = (title: string, rows: { text: string; sources: string[]; checked?: string }[], indent = '  ') => {
    if (title) out.push(c.bold(title));
    for (const r of rows) out.push(...bullet(`${r.text}${r.checked ? c.dim(` (checked ${r.checked})`) : ''} ${c.dim(cite(r.sources))}`, w, indent));
    out.push('');
  };
  const rating = (r: (typeof p.ratings)[number]) => ({ ...r, text: `${r.name}: ${r.rating}/5 (±${r.uncertainty}). ${r.text}` });
  section('Facts', p.facts.map((f) => ({ ...f, text: `${f.label}: ${f.value}${f.version ? ` (version ${f.version})` : ''}` })));
  section('Strengths', p.strengths);
  section('Trade-offs', p.tradeOffs);
  section('Ratings (0-5, ± how far each may be off)', p.ratings.map(rating));
  out.push(c.bold('Ways of running it (deployment targets)'));
  for (const t of p.targets) {
    const needs = Object.entries(t.requires).map(([q, vs]) => `${q} ${vs.join(' or ')}`).join(', ');
    out.push(...wrap(`${c.bold(t.label)}${t.managed ? ` (managed by ${t.provider ?? 'the provider'})` : ''}: ${t.text}${c.dim(` (checked ${t.checked})`)} ${c.dim(cite(t.sources))}`, w, '  ', '    '));
    out.push(...wrap(`Needs: ${needs || 'nothing beyond the tool itself'}. ${t.url}`, w, '    ', '      '));
    if (t.ratings.length) section('', t.ratings.map(rating), '    ');
    section('', t.nextSteps.map((s) => ({ ...s, text: `First step: ${stepText(s.text, s.command)}` })), '    ');
  }
  out.push(...wrap(c.dim(`Facts checked as of ${p.factsCheckedAsOf}.`), w), '');
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
