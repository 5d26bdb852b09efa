// The terminal view of a recommendation. By default one screen: the advice and its confidence,
// the ranking, three reasons, what would change it and the first steps. With `detail`, the
// whole story: every reason, exclusions, all combinations, the roadmap, managed offerings and
// the sources. Every line is wrapped to the terminal's width.
import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Catalog } from '../catalog/schema.js';
import { answerText, changeText, percent, stackName } from '../engine/describe.js';
import { applies } from '../questionnaire/questions.js';
import type { RankedTool, Reason, Result } from '../schema/result.js';
import type { RenderOptions } from './style.js';
import { teamLines } from './team.js';
import { bullet, commandLines, visibleWidth, wrap } from './wrap.js';

export { visibleWidth } from './wrap.js';

export const bar = (share: number, width = 20) => {
  const full = Math.round(Math.max(0, Math.min(1, share)) * width);
  return '█'.repeat(full) + '░'.repeat(width - full);
};

export const cite = (sources: readonly string[]) => `[${sources.join(', ')}]`;

/** A score as the summary writes it: 88.2, or 80 rather than 80.0. */
export const scoreText = (score: number) => String(Math.round(score * 10) / 10);

/**
 * Shares (0-1) as whole percentages that add up to 100 (largest remainder), so a column of
 * shares of one whole never reads 101%. Shares that add up to 0 stay 0.
 */
/** A score in a column, its decimal point under the others': ` 84.5`, ` 80  `. */
const alignScore = (score: number) => {
  const [whole, fraction] = scoreText(score).split('.');
  return `${whole!.padStart(3)}${fraction ? `.${fraction}` : '  '}`;
};

export function wholePercents(shares: readonly number[]): number[] {
  const total = shares.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return shares.map(() => 0);
  const exact = shares.map((s) => (s / total) * 100);
  const out = exact.map(Math.floor);
  let left = 100 - out.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i]!++;
    left--;
  }
  return out;
}

export function makeChalk(opts: RenderOptions): ChalkInstance {
  return new Chalk({ level: opts.colour });
}

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

export function reasonLines(reasons: readonly Reason[], c: ChalkInstance, width: number, indent = '  '): string[] {
  return reasons.flatMap((r) => bullet(`${r.text} ${c.dim(cite(r.sources))}`, width, indent));
}

// Fields other parts of the result may carry (the deployment target of each tool, the
// recommendation's unmet must-haves): shown when present, never required.
interface Target {
  id: string;
  label: string;
  managed?: boolean;
}
interface Unmet {
  requirement: string;
  label: string;
  text: string;
}
const targetOf = (t: RankedTool) => (t as RankedTool & { target?: Target }).target;
const unmetOf = (r: Result) => (r.recommendation as Result['recommendation'] & { unmet?: Unmet[] }).unmet ?? [];

/** Defaulted answers worth mentioning: those whose question applies to these answers. */
export const defaultedThatApply = (result: Result, catalog: Catalog) =>
  result.defaulted.filter((id) => {
    const q = catalog.questions.find((x) => x.id === id);
    return q !== undefined && applies(q, result.answers);
  });

/** A first step as one sentence: "Install MLflow from PyPI: pip install mlflow". */
export const stepText = (text: string, command?: string) => (command ? `${text.replace(/[.:]\s*$/, '')}: ${command}` : text);

export function renderTable(result: Result, catalog: Catalog, opts: RenderOptions & { detail?: boolean }): string {
  return (opts.detail ? detailed : short)(result, catalog, opts, makeChalk(opts)).join('\n') + '\n';
}

function headline(result: Result, catalog: Catalog, width: number, c: ChalkInstance, long: boolean): string[] {
  const rec = result.recommendation;
  const confidence = long ? `confidence ${percent(rec.confidence)}: ${rec.confidenceText}` : `confidence ${percent(rec.confidence)}`;
  const out = wrap(`${c.bold(`Recommended: ${stackName(catalog, rec.tools)}`)} ${c.dim(`(${confidence})`)}`, width);
  out.push(...wrap(rec.summary, width));
  const targets = result.ranking.filter((t) => rec.tools.includes(t.tool) && targetOf(t));
  if (targets.length) out.push(...wrap(`Run as: ${targets.map((t) => targetOf(t)!.label).join('; ')}`, width, '', '  '));
  for (const u of unmetOf(result)) out.push(...wrap(`${c.yellow(`Not met: ${u.label}.`)} ${u.text}`, width, '', '  '));
  return out;
}

/**
 * Team mode: how many members would choose the same, then where they disagree (conflicts on
 * facts first). The whole view lists every member too; the short one at most `limit` points.
 */
function team(result: Result, catalog: Catalog, width: number, c: ChalkInstance, limit = Infinity): string[] {
  const t = teamLines(result, catalog);
  if (!t) return [];
  const out = wrap(c.bold(t.heading), width);
  if (limit === Infinity) out.push(...t.members.flatMap((m) => bullet(m, width)));
  if (t.disagreements.length && limit === 0) out.push(c.bold('Where the team disagrees') + c.dim(`: ${t.disagreements.length} (--detail lists them)`));
  else if (t.disagreements.length) {
    const shown = t.disagreements.slice(0, limit);
    out.push(c.bold('Where the team disagrees') + (shown.length < t.disagreements.length ? c.dim(` (${shown.length} of ${t.disagreements.length})`) : ''));
    out.push(...shown.flatMap((d) => bullet(d, width)));
  }
  return [...out, ''];
}

/** The ranking of single tools: score and a bar of the share of weightings where each ranks first. */
function ranking(result: Result, catalog: Catalog, width: number, c: ChalkInstance): string[] {
  const rec = result.recommendation;
  const names = result.ranking.map((t) => t.name);
  const nameWidth = Math.max(4, ...names.map((n) => n.length));
  const shares = wholePercents(result.ranking.map((t) => (t.excluded ? 0 : t.firstChance)));
  // "  1  " + name + "  " + score (5) + "  " + bar + " 100%"
  const fixed = 5 + nameWidth + 2 + 5 + 2;
  const barWidth = Math.max(5, Math.min(20, width - fixed - 5));
  const firstHead = width - fixed >= 34 ? 'Ranks first (share of weightings)' : 'Ranks first';
  // Beside a recommended stack, say outright that these are the tools on their own.
  const head = rec.tools.length > 1 && nameWidth >= 'Single tool'.length ? 'Single tool' : 'Tool';
  const out = [c.bold(`  #  ${head.padEnd(nameWidth)}  Score  ${firstHead}`)];
  result.ranking.forEach((t, i) => {
    const name = rec.tools.includes(t.tool) ? c.green(t.name.padEnd(nameWidth)) : t.name.padEnd(nameWidth);
    const fit = t.excluded ? c.red('excluded') : `${bar(shares[i]! / 100, barWidth)} ${String(shares[i]).padStart(3)}%`;
    out.push(`  ${String(t.rank)}  ${name}  ${alignScore(t.score)}  ${fit}`);
  });
  return out;
}

function defaultsNote(result: Result, catalog: Catalog, width: number, c: ChalkInstance, show: 'values' | 'list' | 'count'): string[] {
  const ids = defaultedThatApply(result, catalog);
  if (ids.length === 0) return [];
  const asked = catalog.questions.filter((q) => applies(q, result.answers)).length;
  const label = (id: string) => catalog.questions.find((q) => q.id === id)!.label;
  const how = 'Set them with flags (mlflow-advisor questions) or --answers FILE.';
  let text: string;
  if (ids.length === asked && show !== 'values') text = `Every answer is a default. ${how}`;
  else if (show === 'count') text = `${ids.length} ${ids.length === 1 ? 'answer is a default' : 'answers are defaults'} (--detail lists them). ${how}`;
  else if (show === 'list') text = `Defaults taken for: ${ids.map(label).join(', ')}. ${how}`;
  else text = `Defaults taken for: ${ids.map((id) => `${label(id)} = ${answerText(catalog, id, result.answers[id]!)}`).join('; ')}. ${how}`;
  return wrap(c.dim(text), width);
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
    if (rec.flips.length) {
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

function detailed(result: Result, catalog: Catalog, opts: RenderOptions, c: ChalkInstance): string[] {
  const width = opts.columns;
  const rec = result.recommendation;
  const out = [...headline(result, catalog, width, c, true), '', ...team(result, catalog, width, c), ...ranking(result, catalog, width, c), ''];

  const targets = result.ranking.filter((t) => targetOf(t));
  if (targets.length) {
    out.push(c.bold('Where each tool would run'));
    for (const t of targets) out.push(...bullet(`${t.name}: ${targetOf(t)!.label}`, width));
    out.push('');
  }

  if (result.combinations.length) {
    out.push(c.bold('Combinations'));
    for (const s of result.combinations) {
      out.push(
        ...bullet(
          `${stackName(catalog, s.tools)}: ${scoreText(s.score)} (${scoreText(s.capabilityScore)} capability - ${scoreText(s.penalty)} for running ${s.tools.length} tools${s.unmetPenalty > 0 ? ` - ${scoreText(s.unmetPenalty)} for unmet needs` : ''})`,
          width,
        ),
      );
    }
    out.push('');
  }

  out.push(c.bold('Why'));
  const stack = rec.tools.length > 1 ? result.combinations.find((s) => s.tools.join() === rec.tools.join()) : undefined;
  if (stack) {
    out.push(...reasonLines(stack.reasons, c, width));
    out.push('', c.bold('Each tool on its own'));
  }
  for (const t of result.ranking) {
    out.push(`  ${rec.tools.includes(t.tool) ? c.green(t.name) : t.name}`, ...reasonLines(t.reasons, c, width, '    '));
  }
  out.push('');

  const excluded = result.ranking.filter((r) => r.excluded && r.exclusion);
  if (excluded.length) {
    out.push(c.bold('Excluded'));
    for (const t of excluded) {
      const lift = t.exclusion!.liftedBy.map((l) => changeText(catalog, l.question, undefined, l.value)).join(', or ');
      out.push(...bullet(`${c.red(t.name)}: ${t.exclusion!.text}${lift ? `. It would be back in if ${lift}.` : ''} ${c.dim(cite(t.exclusion!.sources))}`, width));
    }
    out.push('');
  }

  out.push(c.bold('What would change the advice'));
  if (rec.flips.length) for (const f of rec.flips) out.push(...bullet(f.text, width));
  else out.push(...bullet('No single changed answer would change it.', width));
  out.push('');

  if (result.roadmap.length) {
    out.push(c.bold('Roadmap'));
    for (const s of result.roadmap) out.push(...wrap(`${s.text} ${c.dim(cite(s.sources))}`, width, `  ${s.stage === 'now' ? 'Now:  ' : 'Later:'} `));
    out.push('');
  }

  const cloud = result.answers.cloud;
  const offers = result.ranking
    .filter((t) => rec.tools.includes(t.tool))
    .flatMap((t) => (catalog.tools.find((x) => x.id === t.tool)?.managedOfferings ?? []).map((m) => ({ tool: t.name, ...m })));
  if (offers.length) {
    out.push(c.bold('Managed offerings'));
    for (const m of offers) {
      const here = typeof cloud === 'string' && (m.clouds as string[]).includes(cloud) ? ' (on your cloud)' : '';
      out.push(...bullet(`${m.name}${here}, ${m.provider}, for ${m.tool}: ${m.text} ${c.dim(cite(m.sources))}`, width));
    }
    out.push('');
  }

  if (result.nextSteps.length) {
    out.push(c.bold('First steps'));
    for (const s of result.nextSteps) {
      out.push(...bullet(`${s.text} ${c.dim(cite(s.sources))}`, width));
      if (s.command) out.push(...commandLines(s.command, width, '      ').map((l) => c.cyan(l)));
    }
    out.push('');
  }
  out.push(...defaultsNote(result, catalog, width, c, 'values'));
  out.push(...wrap(c.dim('Sources: seed:ID is a numbered claim of the source article (mlflow-advisor sources ID prints it); https links are official documentation.'), width));
  return out;
}
