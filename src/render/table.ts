// The terminal view of a recommendation. By default one screen: the advice and its confidence,
// the ranking, three reasons, what would change it and the first steps; parts give way to keep
// it there. With `detail`, the whole story (table-detail.ts). Every line is wrapped to the
// terminal's width.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Catalog } from '../catalog/schema.js';
import type { Result } from '../schema/result.js';
import { defaultsNote, headline, makeChalk, ranking, stepText, team } from './result-parts.js';
import type { RenderOptions } from './style.js';
import { detailed } from './table-detail.js';
import { bullet, visibleWidth, wrap } from './wrap.js';

export { visibleWidth } from './wrap.js';
export { bar, cite, defaultedThatApply, makeChalk, reasonLines, scoreText, stepText, wholePercents } from './result-parts.js';

/** A table when it fits the terminal; otherwise the same rows as an indented, wrapped list. */
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
  return rows
    .flatMap((r) => r.flatMap((cell, i) => (i === 0 ? wrap(cell, opts.columns, '- ') : wrap(cell, opts.columns, `    ${head[i]}: `, '      '))))
    .join('\n');
}


export function renderTable(result: Result, catalog: Catalog, opts: RenderOptions & { detail?: boolean }): string {
  return (opts.detail ? detailed : short)(result, catalog, opts, makeChalk(opts)).join('\n') + '\n';
}


function short(result: Result, catalog: Catalog, opts: RenderOptions, c: ChalkInstance): string[] {
  const width = opts.columns;
  const rec = result.recommendation;
  const stack = rec.tools.length > 1 ? result.combinations.find((s) => s.tools.join() === rec.tools.join()) : undefined;
  const chosen = result.ranking.filter((r) => rec.tools.includes(r.tool));
  // A stack's reasons are what the stack does together (a member's gap its partner covers is
  // no reason); a single tool's are its own.
  const reasons = stack ? stack.reasons : (chosen[0]?.reasons ?? []);
  const steps = chosen.flatMap((t) => result.nextSteps.filter((s) => s.tool === t.tool).slice(0, 1)).map((s) => shortStep(s.text, s.command, width));

  // What the screen shows of each part; parts give way in this order when it is too long.
  interface Budget {
    flips: number;
    why: number;
    disagreements: number;
    defaults: 'list' | 'count';
  }
  const sections = (b: Budget): string[] => {
    const out = [...headline(result, catalog, width, c, false), '', ...team(result, catalog, width, c, b.disagreements), ...ranking(result, catalog, width, c), ''];
    out.push(c.bold('Why'), ...reasons.slice(0, b.why).flatMap((r) => bullet(r.text, width)), '');
    if (rec.flips.length && b.flips > 0) {
      const shown = Math.min(b.flips, rec.flips.length);
      out.push(c.bold('What would change it') + (shown < rec.flips.length ? c.dim(` (${shown} of ${rec.flips.length})`) : ''));
      out.push(...rec.flips.slice(0, shown).flatMap((f) => bullet(f.text, width)), '');
    }
    if (steps.length) out.push(c.bold('First steps'), ...steps.flat(), '');
    out.push(...defaultsNote(result, catalog, width, c, b.defaults));
    out.push(...wrap(c.dim('Add --detail for every reason, exclusion, combination, the roadmap and sources.'), width));
    return out;
  };
  const giveWays: ((b: Budget) => boolean)[] = [
    (b) => b.flips > 2 && b.flips-- > 0,
    (b) => b.flips > 1 && b.flips-- > 0,
    (b) => b.why > 2 && b.why-- > 0,
    (b) => b.disagreements > 1 && b.disagreements-- > 0,
    (b) => b.defaults === 'list' && (b.defaults = 'count') === 'count',
    // A team's disagreement matters more than a second reason, or than a flip.
    (b) => b.why > 1 && b.why-- > 0,
    (b) => b.flips > 0 && b.flips-- > 0,
    (b) => b.disagreements > 0 && b.disagreements-- > 0,
  ];
  const budget: Budget = { flips: 3, why: 3, disagreements: 2, defaults: 'list' };
  let out = sections(budget);
  for (const giveWay of giveWays) {
    if (out.length <= SCREEN) break;
    if (giveWay(budget)) out = sections(budget);
  }
  return out;
}

/** A first step in at most two lines: its words without asides, and its command when it fits. */
function shortStep(text: string, command: string | undefined, width: number): string[] {
  const plain = text.replace(/\s*\([^)]*\)/g, '');
  const full = bullet(stepText(plain, command), width);
  if (full.length <= 2) return full;
  return bullet(command ? `${plain.replace(/[.:]\s*$/, '')} (the command: --detail).` : plain, width);
}

/** Lines the short view aims to stay within at 80 columns. */
export const SCREEN = 30;

