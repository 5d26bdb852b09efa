// The shareable report: one self-contained HTML page (style and script inline, nothing to fetch)
// for readers who will never run the CLI. The same result as --json, in the order a decision
// document is read: the advice and how sure it is, the options compared, why, what is ruled out,
// what would change it, the roadmap, first steps, the answers behind it and every source.
import { createHash } from 'node:crypto';
import type { Catalog } from '../catalog/schema.js';
import { answerText, changeText, percent, stackName } from '../engine/describe.js';
import { applies, flagOf } from '../questionnaire/questions.js';
import type { RankedTool, Reason, Result } from '../schema/result.js';
import { cssNumber, h, type Html } from './html-kit.js';
import { SCRIPT, SEGMENT_COLOURS, STYLE } from './html-style.js';
import { teamSection } from './html-team.js';
import { tradeOffsFor } from './trade-offs.js';


const score = (n: number) => n.toFixed(1);
/** Reason texts are clauses; on the page each is a sentence. */
const sentence = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const points = (n: number) => (Math.abs(n) < 0.05 ? '0' : n.toFixed(1));

/** Sources in order of first citation; each gets an anchor in the Sources list. */
class Citations {
  readonly ids = new Map<string, string>();
  anchor(source: string): string {
    let id = this.ids.get(source);
    if (id === undefined) this.ids.set(source, (id = `source-${this.ids.size + 1}`));
    return id;
  }
  /** Inline: seed claims by their id, links by their host. */
  cite(sources: readonly string[]): Html {
    if (!sources.length) return h``;
    const label = (s: string) => (s.startsWith('https://') ? s.slice('https://'.length).split(/[/?#]/)[0]!.replace(/^www\./, '') : s);
    return h` <span class="cite">[${sources.map((s, i) => h`${i ? ', ' : ''}<a href="#${this.anchor(s)}">${label(s)}</a>`)}]</span>`;
  }
  reasons(reasons: readonly Reason[]): Html {
    return h`<ul class="reasons">${reasons.map((r) => h`<li>${sentence(r.text)}${this.cite(r.sources)}</li>`)}</ul>`;
  }
}

export function renderHtml(result: Result, catalog: Catalog, date = new Date()): string {
  const rec = result.recommendation;
  const name = stackName(catalog, rec.tools);
  const day = date.toISOString().slice(0, 10);
  const c = new Citations();
  const chosen = result.ranking.filter((t) => rec.tools.includes(t.tool));
  const excluded = result.ranking.filter((t) => t.excluded);
  const stack = rec.tools.length > 1 ? result.combinations.find((s) => s.tools.join() === rec.tools.join()) : undefined;

  const sections: [id: string, title: string, body: Html][] = [];
  sections.push(['options', 'Options compared', optionsSection(result, catalog)]);
  sections.push(['why', `Why ${name}`, whySection(result, catalog, c, stack?.reasons ?? [], chosen)]);
  if (excluded.length) {
    sections.push([
      'excluded',
      'Ruled out',
      h`<ul class="reasons">${excluded.map((t) => {
        const lift = t.exclusion!.liftedBy.map((l) => changeText(catalog, l.question, result.answers[l.question], l.value)).join(', or ');
        return h`<li><strong>${t.name}</strong>: ${sentence(t.exclusion!.text)}${c.cite(t.exclusion!.sources)}${lift ? h` It would be considered if ${lift}.` : ''}</li>`;
      })}</ul>`,
    ]);
  }
  sections.push(['stability', 'How stable the choice is', stabilitySection(result, catalog)]);
  if (result.roadmap.length) {
    sections.push([
      'roadmap',
      'Roadmap',
      h`<ol class="timeline">${result.roadmap.map(
        (s) => h`<li class="${s.stage}"><h3>${s.stage === 'now' ? 'Now' : `Later${s.trigger ? `: when ${s.trigger}` : ''}`}</h3>
<p>${sentence(s.text)}${c.cite(s.sources)}</p><p class="small muted">${[
          s.adds.length && s.adds.join() !== s.tools.join() ? `Adds ${stackName(catalog, s.adds)}` : '',
          s.replaces.length ? `Drops ${stackName(catalog, s.replaces)}` : '',
          `Stack: ${stackName(catalog, s.tools)}`,
        ].filter(Boolean).join('. ')}</p></li>`,
      )}</ol>`,
    ]);
  }
  if (result.nextSteps.length) {
    sections.push([
      'first-steps',
      'First steps',
      h`<ol class="steps">${result.nextSteps.map(
        (s) => h`<li><span class="for">${catalog.tools.find((t) => t.id === s.tool)?.name ?? s.tool}</span><br>${sentence(s.text)}${c.cite(s.sources)}${s.command ? command(s.command) : ''}</li>`,
      )}</ol>`,
    ]);
  }
  sections.push(['answers', 'The answers behind it', answersSection(result, catalog)]);
  if (result.team) sections.push(['team', 'The team', teamSection(result, catalog)]);
  // Last: every citation above has been numbered by now.
  sections.push(['sources', 'Sources', sourcesSection(c)]);

  const unmet = rec.unmet;
  const targets = chosen.filter((t) => t.target);
  const body = h`<main>
<header>
<p class="eyebrow">ML platform decision · proposed · ${day}</p>
<h1>Adopt ${name}</h1>
<p class="lead">${rec.summary}</p>
<dl class="facts">
<div><dt>Score</dt><dd>${score(stack?.score ?? chosen[0]!.score)} / 100<small>${stack ? `${stack.tools.length} tools together, after the cost of running them` : 'the best single tool'}</small></dd></div>
<div><dt>Confidence</dt><dd>${percent(rec.confidence)}<small>The advice ${rec.confidenceText}.</small></dd></div>
${targets.length ? h`<div><dt>Runs on</dt><dd class="targets">${targets.map((t) => h`<small>${t.name}: ${t.target!.label}</small>`)}</dd></div>` : ''}
</dl>
${unmet === undefined ? '' : unmet.length ? h`<div class="callout" role="note"><p><strong>Must-haves this advice does not meet:</strong></p><ul>${unmet.map((u) => h`<li><strong>${u.label}</strong>: ${u.text}</li>`)}</ul></div>` : h`<div class="callout ok" role="note"><p>Every must-have the team named is met.</p></div>`}
<nav aria-label="Sections"><ul>${sections.map(([id, title]) => h`<li><a href="#${id}">${title}</a></li>`)}</ul></nav>
</header>
${sections.map(([id, title, content]) => h`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>
${content}</section>
`)}<footer><p>Generated by mlflow-advisor from the answers above (result schema version ${result.schemaVersion}). The same decision as JSON: <code>mlflow-advisor recommend --json</code> with the same answers.</p></footer>
</main>`;

  const scriptHash = createHash('sha256').update(SCRIPT).digest('base64');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; base-uri 'none'; form-action 'none'">
<meta name="generator" content="mlflow-advisor">
${h`<title>Adopt ${name}: ML platform decision, ${day}</title>`}
<style>${STYLE}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function command(text: string): Html {
  return h`<div class="cmd"><pre><code>${text}</code></pre></div>`;
}

/** Scores as bars, each split into its criteria's points, then the criteria table and stacks. */
function optionsSection(result: Result, catalog: Catalog): Html {
  const rec = result.recommendation;
  const criteria = result.weights.filter((w) => w.weight > 0).sort((a, b) => b.weight - a.weight);
  // The criteria with the largest weights get a colour each; the rest share the last, a grey.
  const grey = SEGMENT_COLOURS.length - 1;
  const colour = (i: number) => SEGMENT_COLOURS[Math.min(i, grey)]!;
  const legend = criteria.slice(0, grey);
  const others = criteria.slice(legend.length);
  let penalised = false;
  const rows = result.ranking.map((t) => {
    const item = (w: (typeof criteria)[number]) => ({ w, b: t.breakdown.find((x) => x.criterion === w.criterion) });
    const describe = ({ w, b }: ReturnType<typeof item>) => `${w.name}: weight ${percent(w.weight)}, rated ${b?.rating ?? '-'}/5, ${points(b?.contribution ?? 0)} points`;
    const top = legend.map(item);
    const rest = others.map(item).filter((p) => (p.b?.contribution ?? 0) > 0);
    const restPoints = rest.reduce((s, p) => s + p.b!.contribution, 0);
    // Points taken off (an unmet declared need) are negative parts of the breakdown.
    const off = t.breakdown.filter((b) => b.contribution < 0);
    const offPoints = -off.reduce((s, b) => s + b.contribution, 0);
    penalised ||= offPoints > 0;
    const alt =
      `${t.name}: ${score(t.score)} of 100${t.excluded ? ', excluded' : ''}. ` +
      [...top.filter((p) => (p.b?.contribution ?? 0) > 0), ...rest].map((p) => `${p.w.name} ${points(p.b!.contribution)}`).join(', ') +
      (offPoints > 0 ? `; minus ${points(offPoints)} for ${off.map((b) => b.name).join(', ')}` : '') +
      '.';
    return h`<li class="row${t.excluded ? ' excluded' : ''}" data-tool="${t.tool}" data-score="${t.score}">
<div class="who">${t.rank}. ${t.name}${rec.tools.includes(t.tool) ? h`<span class="tag chosen">Recommended</span>` : ''}${t.excluded ? h`<span class="tag out">Excluded</span>` : ''}${t.target ? h`<small>${t.target.label}</small>` : ''}</div>
<div class="track" role="img" aria-label="${alt}">${top.map((p, i) =>
      (p.b?.contribution ?? 0) > 0
        ? h`<div class="seg" data-criterion="${p.w.criterion}" data-contribution="${p.b!.contribution}" title="${describe(p)}" style="width:${cssNumber(p.b!.contribution)}%;background-color:${colour(i)}"><span aria-hidden="true">${i + 1}</span></div>`
        : '',
    )}${restPoints > 0 ? h`<div class="seg" data-criterion="${rest.map((p) => p.w.criterion).join(' ')}" data-contribution="${restPoints}" title="${rest.map(describe).join('\n')}" style="width:${cssNumber(restPoints)}%;background-color:${colour(grey)}"></div>` : ''}${
      offPoints > 0
        ? h`<div class="off" data-off="${offPoints}" title="${off.map((b) => `${b.name}: ${points(b.contribution)} points`).join('\n')}" style="left:${cssNumber(t.score)}%;width:${cssNumber(offPoints)}%"></div>`
        : ''
    }</div>
<div class="num">${score(t.score)}</div></li>`;
  });

  const ratingCell = (t: RankedTool, criterion: string) => {
    const b = t.breakdown.find((x) => x.criterion === criterion);
    return b ? h`<td class="n">${b.rating}/5 · ${points(b.contribution)}</td>` : h`<td class="n">-</td>`;
  };
  const stacks = result.combinations.slice(0, 5);
  return h`<figure class="chart" id="scores-chart">
<figcaption>Score out of 100 for each tool. Each bar is split into the points each criterion adds (weight × rating); hover a part for its criterion, weight and rating. The table below gives every number.</figcaption>
<ol class="rows">${rows}</ol>
<ul class="legend" aria-label="Criteria, largest weight first">${legend.map((w, i) => h`<li><span class="swatch" style="background-color:${colour(i)}" aria-hidden="true">${i + 1}</span>${w.name} (${percent(w.weight)})</li>`)}${others.length ? h`<li><span class="swatch" style="background-color:${colour(grey)}" aria-hidden="true"></span>${others.length} more ${others.length === 1 ? 'criterion' : 'criteria'} (${percent(others.reduce((s, w) => s + w.weight, 0))})</li>` : ''}${penalised ? h`<li><span class="swatch struck" aria-hidden="true"></span>Struck through: points taken off for a must-have the tool falls short of</li>` : ''}</ul>
</figure>
<h3>Criteria, weights and ratings</h3>
<p class="small muted">Each cell: the tool's rating out of 5, then the points it earns (the weight times the rating, out of 100).</p>
<div class="scroll" tabindex="0" role="region" aria-label="Criteria, weights and ratings"><table id="breakdown">
<thead><tr><th scope="col">Criterion</th><th scope="col" class="n">Weight</th>${result.ranking.map((t) => h`<th scope="col" class="n">${t.name}</th>`)}</tr></thead>
<tbody>${criteria.map((w) => h`<tr><th scope="row">${w.name}</th><td class="n">${percent(w.weight)}</td>${result.ranking.map((t) => ratingCell(t, w.criterion))}</tr>`)}</tbody>
<tfoot>${penalised ? h`<tr><th scope="row">Taken off for must-haves not met</th><td class="n"></td>${result.ranking.map((t) => {
    const off = t.breakdown.reduce((s, b) => s + Math.min(0, b.contribution), 0);
    return h`<td class="n">${off < 0 ? `−${points(-off)}` : '-'}</td>`;
  })}</tr>` : ''}<tr><th scope="row">Score</th><td class="n">100%</td>${result.ranking.map((t) => h`<td class="n"><strong>${score(t.score)}</strong></td>`)}</tr></tfoot>
</table></div>
${stacks.length ? h`<h3>Combinations</h3>
<p class="small muted">A stack has a criterion when any of its tools has it; each tool added costs points for integration and upkeep.</p>
<div class="scroll" tabindex="0" role="region" aria-label="Combinations"><table id="combinations">
<thead><tr><th scope="col">Stack</th><th scope="col" class="n">Score</th><th scope="col" class="n">Capability</th><th scope="col" class="n">Cost of more tools</th></tr></thead>
<tbody>${stacks.map((s) => h`<tr><th scope="row">${stackName(catalog, s.tools)}${s.tools.join() === rec.tools.join() ? h`<span class="tag chosen">Recommended</span>` : ''}</th><td class="n">${score(s.score)}</td><td class="n">${score(s.capabilityScore)}</td><td class="n">−${score(s.penalty)}</td></tr>`)}</tbody>
</table></div>` : ''}`;
}

function whySection(result: Result, catalog: Catalog, c: Citations, stackReasons: readonly Reason[], chosen: readonly RankedTool[]): Html {
  const penalty = stackReasons.filter((r) => /^Running \d+ tools/.test(r.text));
  const tradeOffs = chosen.flatMap((t) => tradeOffsFor(catalog.tools.find((x) => x.id === t.tool), result.answers).map((r) => ({ ...r, text: `${t.name}: ${r.text}` })));
  return h`${stackReasons.length > penalty.length ? c.reasons(stackReasons.filter((r) => !penalty.includes(r))) : ''}
${chosen.map((t) => h`<h3>${t.name}</h3>${c.reasons(t.reasons)}`)}
${penalty.length || tradeOffs.length ? h`<h3>Trade-offs to accept</h3>${c.reasons([...penalty, ...tradeOffs])}` : ''}`;
}

function stabilitySection(result: Result, catalog: Catalog): Html {
  const rec = result.recommendation;
  return h`<p>Confidence ${percent(rec.confidence)}: the advice ${rec.confidenceText}.</p>
<figure class="chart" id="first-chart">
<figcaption>Share of the sampled weightings in which each tool ranks first.</figcaption>
<ol class="rows">${result.ranking.map(
    (t) => h`<li class="row${t.excluded ? ' excluded' : ''}" data-tool="${t.tool}" data-first-chance="${t.firstChance}">
<div class="who">${t.name}${t.excluded ? h`<span class="tag out">Excluded</span>` : ''}</div>
<div class="track" role="img" aria-label="${t.name} ranks first in ${percent(t.firstChance)} of the weightings"><div class="fill" style="width:${cssNumber(t.firstChance * 100)}%"></div></div>
<div class="num">${percent(t.firstChance)}</div></li>`,
  )}</ol>
</figure>
<h3>What would change the advice</h3>
${rec.flips.length
    ? h`<div class="scroll" tabindex="0" role="region" aria-label="What would change the advice"><table id="flips"><thead><tr><th scope="col">If</th><th scope="col">The advice would be</th></tr></thead>
<tbody>${rec.flips.map((f) => h`<tr><td>${changeText(catalog, f.question, result.answers[f.question], f.value)}</td><td>${stackName(catalog, f.tools)}</td></tr>`)}</tbody></table></div>`
    : h`<p>No single changed answer would change the advice.</p>`}`;
}

function answersSection(result: Result, catalog: Catalog): Html {
  const asked = catalog.questions.filter((q) => result.answers[q.id] !== undefined);
  const given = asked.filter((q) => !result.defaulted.includes(q.id));
  const flags = given.map((q) => {
    const v = result.answers[q.id]!;
    return `${flagOf(q)} ${Array.isArray(v) ? v.join(',') || '""' : v}`;
  });
  return h`<div class="scroll" tabindex="0" role="region" aria-label="The answers"><table id="answer-table">
<thead><tr><th scope="col">Question</th><th scope="col">Answer</th><th scope="col">Origin</th></tr></thead>
<tbody>${asked.map((q) => {
    const origin = !applies(q, result.answers) ? 'not asked (does not apply)' : result.defaulted.includes(q.id) ? 'default' : 'given';
    return h`<tr><th scope="row">${capital(q.label)}</th><td>${answerText(catalog, q.id, result.answers[q.id]!)}</td><td>${origin}</td></tr>`;
  })}</tbody></table></div>
<p>To run this again, or to change an answer and compare:</p>
${command(['mlflow-advisor recommend', ...flags, '--format html --output report.html'].join(' '))}`;
}

function sourcesSection(c: Citations): Html {
  const all = [...c.ids.keys()].sort((a, b) => Number(a.startsWith('https://')) - Number(b.startsWith('https://')) || a.localeCompare(b, 'en', { numeric: true }));
  const claims = all.filter((s) => !s.startsWith('https://'));
  const links = all.filter((s) => s.startsWith('https://'));
  return h`${claims.length ? h`<h3>Claims of the source article</h3>
<p class="small muted">Each <code>seed:ID</code> is a numbered claim of the source article digest (data/seed/digest.md in mlflow-advisor); <code>mlflow-advisor sources ID</code> prints it.</p>
<ul class="claims">${claims.map((s) => h`<li id="${c.ids.get(s)!}"><code>${s}</code></li>`)}</ul>` : ''}
${links.length ? h`<h3>Documentation</h3>
<ul class="sources">${links.map((s) => h`<li id="${c.ids.get(s)!}"><a href="${s}">${s}</a></li>`)}</ul>` : ''}`;
}
