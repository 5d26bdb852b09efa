// The HTML report as text: self-contained, everything escaped, the charts' numbers those of the
// result, and the fields other parts of the advice add shown when present. tests/browser/ opens
// the same page in Chromium.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { applies } from '../../src/questionnaire/questions.js';
import { recommend, recommendTeam } from '../../src/index.js';
import { escapeHtml, h } from '../../src/render/html-kit.js';
import { SCRIPT } from '../../src/render/html-style.js';
import { renderHtml } from '../../src/render/html.js';
import type { Result } from '../../src/schema/result.js';
import { ANSWER_SETS } from '../fixtures/answer-sets.js';

const DATE = new Date('2026-03-04T12:00:00Z');
const html = (r: Result) => renderHtml(r, catalog, DATE);
const results = Object.entries(ANSWER_SETS).map(([name, answers]) => [name, recommend(answers)] as const);

/** Every source the result cites in what the page shows. */
function cited(r: Result): Set<string> {
  const chosen = r.ranking.filter((t) => r.recommendation.tools.includes(t.tool));
  const stack = r.combinations.find((s) => s.tools.join() === r.recommendation.tools.join());
  return new Set([
    ...chosen.flatMap((t) => t.reasons.flatMap((x) => x.sources)),
    ...(r.recommendation.tools.length > 1 ? (stack?.reasons ?? []).flatMap((x) => x.sources) : []),
    ...r.ranking.flatMap((t) => t.exclusion?.sources ?? []),
    ...r.roadmap.flatMap((s) => s.sources),
    ...r.nextSteps.flatMap((s) => s.sources),
    // The trade-offs that concern the team (an R caveat only for an R team).
    ...chosen.flatMap((t) => catalog.tools.find((x) => x.id === t.tool)!.tradeOffs.filter((x) => !x.when || applies({ askWhen: x.when }, r.answers)).flatMap((x) => x.sources)),
  ]);
}

const attr = (text: string, name: string) => [...text.matchAll(new RegExp(`\\s${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);
const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('html kit', () => {
  it('escapes the five characters that can end text or an attribute, and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a> é`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; é');
  });

  it('escapes every interpolated value, lists included, but not markup it built itself', () => {
    const inner = h`<b>${'<i>'}</b>`;
    expect(h`<p title="${'"><script>'}">${['<x>', inner, 3, null, false]}</p>`.text).toBe('<p title="&quot;&gt;&lt;script&gt;">&lt;x&gt;<b>&lt;i&gt;</b>3</p>');
  });
});

describe('renderHtml', () => {
  it('is one self-contained document: nothing to fetch, one inline script allowed by its hash', () => {
    for (const [name, r] of results) {
      const text = html(r);
      expect(text.startsWith('<!doctype html>\n<html lang="en">'), name).toBe(true);
      expect(text, name).not.toMatch(/<(link|img|iframe|object|embed|video|audio|source)\b|\ssrc=|@import|url\(|srcset=/i);
      expect(text.match(/<script\b/g), name).toHaveLength(1);
      expect(text.match(/<style\b/g), name).toHaveLength(1);
      const hash = createHash('sha256').update(SCRIPT).digest('base64');
      expect(text, name).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}';`);
      // Links go to anchors of the page or to the https sources the result cites.
      const sources = cited(r);
      const ids = new Set(attr(text, 'id'));
      expect(ids.size, `${name}: ids are unique`).toBe(attr(text, 'id').length);
      for (const href of attr(text, 'href').map(decode)) {
        if (href.startsWith('#')) expect(ids.has(href.slice(1)), `${name}: ${href}`).toBe(true);
        else expect(sources.has(href), `${name}: ${href}`).toBe(true);
      }
    }
  });

  it('lists every cited source once: seed claims by id, documentation as links', () => {
    for (const [name, r] of results) {
      const text = html(r);
      for (const s of cited(r)) {
        const listed = s.startsWith('https://') ? `><a href="${escapeHtml(s)}">${escapeHtml(s)}</a></li>` : `><code>${s}</code></li>`;
        expect(text.split(listed).length - 1, `${name}: ${s}`).toBe(1);
      }
    }
  });

  it('draws each tool score as its criteria contributions, less the points taken off', () => {
    for (const [name, r] of results) {
      const chart = html(r).split('id="scores-chart"')[1]!.split('</figure>')[0]!;
      const rows = chart.split('<li class="row').slice(1);
      expect(rows.map((row) => attr(row, 'data-tool')[0]), name).toEqual(r.ranking.map((t) => t.tool));
      for (const [i, row] of rows.entries()) {
        const t = r.ranking[i]!;
        expect(Number(attr(row, 'data-score')[0]), name).toBe(t.score);
        const parts = attr(row, 'data-contribution').map(Number);
        const off = attr(row, 'data-off').map(Number);
        const positive = t.breakdown.filter((b) => b.contribution > 0).reduce((s, b) => s + b.contribution, 0);
        const negative = t.breakdown.filter((b) => b.contribution < 0).reduce((s, b) => s - b.contribution, 0);
        expect(parts.reduce((s, x) => s + x, 0), `${name} ${t.tool}`).toBeCloseTo(positive, 6);
        expect(off.reduce((s, x) => s + x, 0), `${name} ${t.tool}`).toBeCloseTo(negative, 6);
        // Parts are rounded to 0.01 and the score to 0.1: their sum may be off by the roundings.
        expect(Math.abs(positive - negative - t.score), `${name} ${t.tool}`).toBeLessThanOrEqual(0.1);
        // Widths are the points, out of 100.
        const widths = [...row.matchAll(/class="seg"[^>]*style="width:([\d.]+)%/g)].map((m) => Number(m[1]));
        expect(widths.map((w, j) => Math.abs(w - parts[j]!) < 0.001)).not.toContain(false);
        // The bar has a text alternative with the score.
        expect(attr(row, 'aria-label')[0], name).toContain(`${t.name}: ${t.score.toFixed(1)} of 100`);
      }
    }
  });

  it('gives each tool its share of first places, and the criteria table every weight', () => {
    for (const [name, r] of results) {
      const text = html(r);
      const chart = text.split('id="first-chart"')[1]!.split('</figure>')[0]!;
      expect(attr(chart, 'data-first-chance').map(Number), name).toEqual(r.ranking.map((t) => t.firstChance));
      const table = text.split('id="breakdown"')[1]!.split('</table>')[0]!;
      for (const w of r.weights.filter((x) => x.weight > 0)) expect(table, name).toContain(`<th scope="row">${escapeHtml(w.name)}</th><td class="n">${Math.round(w.weight * 100)}%</td>`);
    }
  });

  it('shows the answers with their origin, the flips, the roadmap and the commands', () => {
    const r = recommend(ANSWER_SETS.platformTeam);
    const text = html(r);
    const answers = text.split('id="answer-table"')[1]!.split('</table>')[0]!;
    expect(answers.match(/<tr><th scope="row">/g)).toHaveLength(catalog.questions.length);
    expect(answers.match(/<td>default<\/td>/g)).toHaveLength(r.defaulted.length);
    expect(text).toContain('--team-size large');
    const flips = text.split('id="flips"')[1]!.split('</table>')[0]!;
    expect(flips.match(/<tr><td>/g)).toHaveLength(r.recommendation.flips.length);
    expect(text.match(/<ol class="timeline">[\s\S]*?<\/ol>/)![0].match(/<li class="(now|later)">/g)).toHaveLength(r.roadmap.length);
    for (const s of r.nextSteps.filter((x) => x.command)) expect(text).toContain(`<pre><code>${escapeHtml(s.command!)}</code></pre>`);
    expect(text).toContain('<title>Adopt Kubeflow + MLflow: ML platform decision, 2026-03-04</title>');
  });

  it('names excluded tools with the reason and what would bring them back', () => {
    const r = recommend(ANSWER_SETS.soloTracking);
    const out = r.ranking.filter((t) => t.excluded);
    expect(out.length).toBeGreaterThan(0);
    const section = html(r).split('id="excluded"')[1]!.split('</section>')[0]!;
    for (const t of out) expect(section).toContain(`<strong>${t.name}</strong>: ${escapeHtml(t.exclusion!.text)}`);
    expect(section).toContain('It would be considered if');
  });

  it('escapes text from the result wherever it appears', () => {
    const r = structuredClone(recommend(ANSWER_SETS.platformTeam)) as Result & Record<string, unknown>;
    const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>'&`;
    r.recommendation.summary = evil;
    r.ranking[0]!.reasons[0]!.text = evil;
    r.ranking[0]!.name = evil;
    r.nextSteps[0]!.command = evil;
    r.roadmap[0]!.text = evil;
    Object.assign(r.ranking[0]!, { target: { id: 'x', label: evil, managed: false } });
    Object.assign(r.recommendation, { unmet: [{ requirement: 'x', label: evil, text: evil }] });
    r.team = recommendTeam([{ name: evil, answers: { teamSize: 'solo' } }, { name: 'b', answers: { teamSize: 'large' } }]).team;
    const text = html(r);
    expect(text).not.toContain('<script>alert');
    expect(text).not.toContain('<img');
    expect(text.match(/<script\b/g)).toHaveLength(1);
    expect(text).toContain(escapeHtml(evil));
  });

  it('shows deployment targets, unmet must-haves and a team section only when the result has them', () => {
    // A result without the fields (as a renderer may be handed by an older engine).
    const bare = structuredClone(recommend(ANSWER_SETS.platformTeam)) as Result & Record<string, unknown>;
    delete (bare.recommendation as Partial<Result['recommendation']>).unmet;
    for (const t of bare.ranking) delete t.target;
    const plain = html(bare);
    expect(plain).not.toMatch(/Must-haves this advice|every must-have|id="team"|Runs on/i);

    const r = structuredClone(recommend(ANSWER_SETS.platformTeam)) as Result & Record<string, unknown>;
    Object.assign(r.ranking[0]!, { target: { id: 'vertex-ai-pipelines', label: 'Kubeflow Pipelines on Vertex AI Pipelines (managed, GCP)', managed: true } });
    Object.assign(r.recommendation, { unmet: [{ requirement: 'scheduling', label: 'Scheduling', text: 'Nothing in the stack schedules runs.' }] });
    r.team = recommendTeam([
      { name: 'Ana', answers: { budget: 'minimal', cloud: 'aws' } },
      { name: 'Bo', answers: { budget: 'generous', cloud: 'gcp' } },
    ]).team;
    const text = html(r);
    expect(text).toContain('Kubeflow Pipelines on Vertex AI Pipelines (managed, GCP)');
    expect(text).toContain('<li><strong>Scheduling</strong>: Nothing in the stack schedules runs.</li>');
    const team = text.split('id="team"')[1]!.split('</section>')[0]!;
    expect(team).toContain('<h3>Members and their own advice</h3>');
    expect(team).toMatch(/<li>Ana: [^<]+, confidence \d+%/);
    expect(team).toContain('<h3>Where the team disagrees</h3>');
    expect(team).toMatch(/<li>Conflict: cloud is a fact the team must agree on/);

    Object.assign(r.recommendation, { unmet: [] });
    expect(html(r)).toContain('Every must-have the team named is met.');
  });
});
