// The pieces of the terminal view that the short result and the detailed one share: the
// headline, the team section, the ranking, the defaults note, and the words for scores, shares,
// citations and first steps. Each returns lines already wrapped to the width.
import { Chalk, type ChalkInstance } from 'chalk';
import type { Catalog } from '../catalog/schema.js';
import { answerText, percent, stackName } from '../engine/describe.js';
import { applies } from '../questionnaire/questions.js';
import type { RankedTool, Reason, Result } from '../schema/result.js';
import type { RenderOptions } from './style.js';
import { teamLines } from './team.js';
import { bullet, wrap } from './wrap.js';

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


export function reasonLines(reasons: readonly Reason[], c: ChalkInstance, width: number, indent = '  '): string[] {
  return reasons.flatMap((r) => bullet(`${r.text} ${c.dim(cite(r.sources))}`, width, indent));
}

export const targetOf = (t: RankedTool) => t.target;
export const unmetOf = (r: Result) => r.recommendation.unmet;

/** Defaulted answers worth mentioning: those whose question applies to these answers. */
export const defaultedThatApply = (result: Result, catalog: Catalog) =>
  result.defaulted.filter((id) => {
    const q = catalog.questions.find((x) => x.id === id);
    return q !== undefined && applies(q, result.answers);
  });

/** A first step as one sentence: "Install MLflow from PyPI: pip install mlflow". */
export const stepText = (text: string, command?: string) => (command ? `${text.replace(/[.:]\s*$/, '')}: ${command}` : text);

export function headline(result: Result, catalog: Catalog, width: number, c: ChalkInstance, long: boolean): string[] {
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
export function team(result: Result, catalog: Catalog, width: number, c: ChalkInstance, limit = Infinity): string[] {
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
export function ranking(result: Result, catalog: Catalog, width: number, c: ChalkInstance): string[] {
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
  // Tools that miss a must-have rank below those that meet more, whatever they score: say so
  // where it shows (a lower score above a higher one).
  const open = result.ranking.filter((t) => !t.excluded);
  const outOfOrder = open.some((t, i) => i > 0 && t.score > open[i - 1]!.score);
  const missing = open.filter((t) => (t.misses ?? []).length > 0);
  if (outOfOrder && missing.length) {
    const what = missing.map((t) => `${t.name} ${t.misses!.length}`).join(', ');
    out.push(...wrap(c.dim(`Ranked by must-haves met alone, then by score (missed: ${what}).`), width, '  ', '  '));
  }
  return out;
}

export function defaultsNote(result: Result, catalog: Catalog, width: number, c: ChalkInstance, show: 'values' | 'list' | 'count'): string[] {
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

