// The whole story on the terminal (`recommend --detail`): the headline, the team, the ranking,
// where each tool would run, every combination, every reason with its sources, exclusions, every
// change that would flip the advice, the roadmap, managed offerings, first steps with their
// commands, and the defaults with their values.
import type { ChalkInstance } from 'chalk';
import type { Catalog } from '../catalog/schema.js';
import { changeText, stackName } from '../engine/describe.js';
import type { Result } from '../schema/result.js';
import { cite, defaultsNote, headline, ranking, reasonLines, scoreText, targetOf, team } from './result-parts.js';
import type { RenderOptions } from './style.js';
import { bullet, commandLines, wrap } from './wrap.js';

export function detailed(result: Result, catalog: Catalog, opts: RenderOptions, c: ChalkInstance): string[] {
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

  // Managed services that run the recommended tools on the team's cloud, each with its link.
  const offers = result.ranking.filter((t) => rec.tools.includes(t.tool)).flatMap((t) => (t.offerings ?? []).map((m) => ({ tool: t.name, ...m })));
  if (offers.length) {
    out.push(c.bold('Managed offerings on your cloud'));
    for (const m of offers) out.push(...bullet(`${m.label}${m.provider ? `, ${m.provider}` : ''}, for ${m.tool}: ${m.url}`, width));
    out.push('');
  }

  if (result.nextSteps.length) {
    out.push(c.bold('First steps'));
    for (const s of result.nextSteps) {
      out.push(...bullet(`${s.text} ${c.dim(cite(s.sources))}`, width));
      if (s.command) out.push(...commandLines(s.command, width, '      ').map((l) => c.cyan(l)));
      // A snippet is shown only where its lines fit: code must not wrap.
      const code = s.code?.split('\n').map((l) => `      ${l}`);
      if (code && code.every((l) => l.length <= width)) out.push(...code.map((l) => c.cyan(l)));
      else if (code) out.push(...bullet(c.dim('The snippet is in --format markdown and --json.'), width, '      '));
    }
    out.push('');
  }
  out.push(...defaultsNote(result, catalog, width, c, 'values'));
  out.push(...wrap(c.dim('Sources: seed:ID is a numbered claim of the source article (mlflow-advisor sources ID prints it); https links are official documentation.'), width));
  return out;
}

