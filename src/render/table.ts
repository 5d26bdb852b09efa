// The terminal view of a recommendation: ranking with score bars, the advice in a sentence,
// cited reasons, what would change it, a roadmap and first steps.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Catalog } from '../catalog/schema.js';
import { answerText, changeText, percent, stackName } from '../engine/describe.js';
import type { Reason, Result } from '../schema/result.js';
import type { RenderOptions } from './style.js';
import { teamLines } from './team.js';

export const bar = (score: number, width = 20) => {
  const full = Math.round((Math.max(0, Math.min(100, score)) / 100) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
};

export const cite = (sources: readonly string[]) => `[${sources.join(', ')}]`;

export function makeChalk(opts: RenderOptions): ChalkInstance {
  return new Chalk({ level: opts.colour });
}

/** Columns a line takes on a terminal (colour codes take none; every character here is narrow). */
export const visibleWidth = (line: string) => Array.from(line.replace(/\u001b\[[0-9;]*m/g, '')).length;

/** A table when it fits the terminal; otherwise the same rows as an indented list. */
export function grid(head: string[], rows: string[][], opts: RenderOptions, c: ChalkInstance): string {
  const table = new Table({
    head: head.map((h) => c.bold(h)),
    style: { head: [], border: [] },
    // No rule between rows: the table stays as short as the data.
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    wordWrap: true,
  });
  for (const r of rows) table.push(r);
  const text = table.toString();
  // A table row the terminal wraps is unreadable; a list wraps gracefully.
  if (Math.max(...text.split('\n').map(visibleWidth)) <= opts.columns) return text;
  return rows.map((r) => r.map((cell, i) => (i === 0 ? `- ${cell}` : `    ${head[i]}: ${cell}`)).join('\n')).join('\n');
}

export function reasonLines(reasons: readonly Reason[], c: ChalkInstance, indent = '  '): string[] {
  return reasons.map((r) => `${indent}- ${r.text} ${c.dim(cite(r.sources))}`);
}

export function renderTable(result: Result, catalog: Catalog, opts: RenderOptions): string {
  const c = makeChalk(opts);
  const rec = result.recommendation;
  const out: string[] = [];
  out.push(c.bold(`Recommended: ${stackName(catalog, rec.tools)}`) + c.dim(`  (confidence ${percent(rec.confidence)}: ${rec.confidenceText})`));
  out.push(rec.summary, '');
  const team = teamLines(result, catalog);
  if (team) {
    out.push(c.bold(team.heading), ...team.members.map((m) => `  - ${m}`));
    if (team.disagreements.length) out.push(c.bold('Where the team disagrees'), ...team.disagreements.map((d) => `  - ${d}`));
    out.push('');
  }

  const rows = result.ranking.map((t) => [
    String(t.rank),
    rec.tools.includes(t.tool) ? c.green(t.name) : t.name,
    t.score.toFixed(1),
    t.excluded ? c.red('excluded') : `${bar(t.score, opts.columns < 80 ? 10 : 20)} ${c.dim(percent(t.firstChance) + ' first')}`,
  ]);
  out.push(grid(['#', 'Tool', 'Score', t0(opts)], rows, opts, c), '');

  if (result.combinations.length) {
    out.push(c.bold('Best combinations'));
    for (const s of result.combinations.slice(0, 3)) {
      out.push(`  ${stackName(catalog, s.tools)}: ${s.score.toFixed(1)} (${s.capabilityScore.toFixed(1)} capability - ${s.penalty.toFixed(1)} for running ${s.tools.length} tools)`);
    }
    out.push('');
  }

  out.push(c.bold('Why'));
  if (rec.tools.length > 1) {
    const stack = result.combinations.find((s) => s.tools.join() === rec.tools.join());
    if (stack) out.push(...reasonLines(stack.reasons, c));
  }
  for (const t of result.ranking.filter((r) => rec.tools.includes(r.tool))) {
    out.push(`  ${c.bold(t.name)}`, ...reasonLines(t.reasons, c, '    '));
  }
  const excluded = result.ranking.filter((r) => r.excluded);
  for (const t of excluded) {
    const lift = t.exclusion!.liftedBy.map((l) => changeText(catalog, l.question, undefined, l.value)).join(', or ');
    out.push(`  ${c.red(t.name + ' excluded')}: ${t.exclusion!.text} ${c.dim(cite(t.exclusion!.sources))}${lift ? `. It would be back in if ${lift}.` : ''}`);
  }
  out.push('');

  if (rec.flips.length) {
    out.push(c.bold('What would change the advice'));
    for (const f of rec.flips.slice(0, 6)) out.push(`  - ${f.text}`);
    out.push('');
  }
  if (result.roadmap.length) {
    out.push(c.bold('Roadmap'));
    for (const s of result.roadmap) out.push(`  ${s.stage === 'now' ? 'Now:  ' : 'Later:'} ${s.text} ${c.dim(cite(s.sources))}`);
    out.push('');
  }
  if (result.nextSteps.length) {
    out.push(c.bold('First steps'));
    for (const s of result.nextSteps) {
      out.push(`  - ${s.text}${s.command ? `\n      ${c.cyan(s.command)}` : ''} ${c.dim(cite(s.sources))}`);
    }
    out.push('');
  }
  if (result.defaulted.length) {
    out.push(
      c.dim(
        `Defaults taken for: ${result.defaulted.map((id) => `${id}=${answerText(catalog, id, result.answers[id]!)}`).join(', ')}. ` +
          'Answer them with flags (see `mlflow-advisor questions`) or --answers FILE.',
      ),
    );
  }
  out.push(c.dim('Sources: seed:ID is a numbered claim of the source article (mlflow-advisor sources ID prints it); https links are official documentation.'));
  return out.join('\n') + '\n';
}

const t0 = (opts: RenderOptions) => (opts.columns < 80 ? 'Fit' : 'Fit (share of weightings where it ranks first)');
