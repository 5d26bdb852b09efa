// A decision record (ADR shape) ready to commit: context, decision, options, consequences,
// confidence and what would change it, sources.
import type { Catalog } from '../catalog/schema.js';
import { answerText, percent, stackName } from '../engine/describe.js';
import type { Result } from '../schema/result.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const cite = (sources: readonly string[]) => sources.map((s) => (s.startsWith('https://') ? `<${s}>` : `\`${s}\``)).join(', ');

export function renderMarkdown(result: Result, catalog: Catalog, date = new Date()): string {
  const rec = result.recommendation;
  const name = stackName(catalog, rec.tools);
  const out: string[] = [];
  out.push(`# Use ${name} for the ML platform`, '');
  out.push(`- Date: ${date.toISOString().slice(0, 10)}`, '- Status: proposed', `- Decided with: mlflow-advisor (schema ${result.schemaVersion})`, '');

  out.push('## Context', '', 'The team answered:', '', '| Question | Answer | Source |', '|---|---|---|');
  for (const q of catalog.questions) {
    const v = result.answers[q.id];
    if (v === undefined) continue;
    out.push(`| ${esc(q.label)} | ${esc(answerText(catalog, q.id, v))} | ${result.defaulted.includes(q.id) ? 'default' : 'given'} |`);
  }
  out.push('');

  out.push('## Decision', '', `Adopt **${name}**. ${rec.summary}`, '');

  out.push('## Options considered', '', '| Rank | Option | Score | Note |', '|---|---|---|---|');
  for (const t of result.ranking) {
    out.push(`| ${t.rank} | ${t.name} | ${t.score.toFixed(1)} | ${t.excluded ? 'excluded: ' + esc(t.exclusion!.text) : `first in ${percent(t.firstChance)} of weightings`} |`);
  }
  for (const s of result.combinations.slice(0, 3)) {
    out.push(`| - | ${stackName(catalog, s.tools)} | ${s.score.toFixed(1)} | ${s.capabilityScore.toFixed(1)} capability, ${s.penalty.toFixed(1)} for running ${s.tools.length} tools |`);
  }
  out.push('');

  out.push('## Consequences', '');
  const chosen = result.ranking.filter((r) => rec.tools.includes(r.tool));
  for (const t of chosen) for (const r of t.reasons) out.push(`- ${t.name}: ${esc(r.text)} (${cite(r.sources)})`);
  for (const t of chosen) {
    const tool = catalog.tools.find((x) => x.id === t.tool);
    for (const r of tool?.tradeOffs ?? []) out.push(`- Trade-off, ${t.name}: ${esc(r.text)} (${cite(r.sources)})`);
  }
  out.push('');

  out.push('## Confidence and what would change it', '', `Confidence ${percent(rec.confidence)}: the advice ${rec.confidenceText}.`, '');
  for (const f of rec.flips) out.push(`- ${f.text}.`);
  out.push('');

  if (result.roadmap.length) {
    out.push('## Roadmap', '');
    for (const s of result.roadmap) out.push(`- **${s.stage === 'now' ? 'Now' : 'Later'}**: ${esc(s.text)} (${cite(s.sources)})`);
    out.push('');
  }

  out.push('## Sources', '', '`seed:ID` cites a numbered claim of the source article digest (data/seed/digest.md); links are official documentation.', '');
  const all = new Set<string>();
  for (const t of chosen) for (const r of t.reasons) r.sources.forEach((s) => all.add(s));
  for (const s of [...all].sort()) out.push(`- ${cite([s])}`);
  return out.join('\n') + '\n';
}
