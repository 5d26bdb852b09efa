// The decision record: ADR sections in order, well-formed tables, and every citation listed.
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { recommend } from '../../src/index.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { Result } from '../../src/schema/result.js';
import { ANSWER_SETS } from '../fixtures/answer-sets.js';

const DATE = new Date('2026-03-04T12:00:00Z');
const md = (r: Result) => renderMarkdown(r, catalog, DATE);

/** Cells of a table row, splitting only on unescaped pipes. */
const cells = (row: string) => row.trim().replace(/^\|/, '').replace(/\|$/, '').split(/(?<!\\)\|/).map((c) => c.trim());

/** Every table in the document: its header cells and rows of cells. */
function tables(text: string): { head: string[]; rows: string[][] }[] {
  const lines = text.split('\n');
  const out: { head: string[]; rows: string[][] }[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    if (!lines[i]!.startsWith('|') || !/^\|(\s*-+:?\s*\|)+$/.test(lines[i + 1]!)) continue;
    const t = { head: cells(lines[i]!), rows: [] as string[][] };
    for (i += 2; i < lines.length && lines[i]!.startsWith('|'); i++) t.rows.push(cells(lines[i]!));
    out.push(t);
  }
  return out;
}

const section = (text: string, title: string) => {
  const start = text.indexOf(`\n${title}\n`);
  expect(start, title).toBeGreaterThan(0);
  const rest = text.slice(start + title.length + 2);
  const next = rest.search(/\n#{1,3} /);
  return next < 0 ? rest : rest.slice(0, next);
};

describe('renderMarkdown', () => {
  const stack = recommend(ANSWER_SETS.platformTeam);
  const single = recommend(ANSWER_SETS.soloTracking);

  it('has the ADR sections in order under a title naming the decision', () => {
    const text = md(stack);
    expect(text.split('\n')[0]).toBe('# Adopt Kubeflow + MLflow for the ML platform');
    expect(text).toContain('- Status: proposed\n- Date: 2026-03-04\n');
    const order = [
      '## Context and problem statement',
      '### Decision drivers',
      '## Considered options',
      '## Decision outcome',
      '### Why',
      '### Consequences and trade-offs',
      '## Confidence and what would change it',
      '## Sources',
    ].map((h) => text.indexOf(`\n${h}\n`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(md(single).split('\n')[0]).toBe(`# Adopt ${single.ranking.find((t) => t.tool === single.recommendation.tools[0])!.name} for the ML platform`);
  });

  it('puts the answers, weights, options and flips in well-formed tables', () => {
    for (const result of [stack, single]) {
      const text = md(result);
      const all = tables(text);
      for (const t of all) for (const r of t.rows) expect(r).toHaveLength(t.head.length);
      const [context, drivers, options] = all;
      expect(context!.rows).toHaveLength(catalog.questions.length);
      expect(context!.rows.filter((r) => r[2] === 'given')).toHaveLength(catalog.questions.length - result.defaulted.length);
      expect(drivers!.head.slice(0, 2)).toEqual(['Criterion', 'Weight']);
      expect(options!.rows.map((r) => [r[1], Number(r[2])])).toEqual(result.ranking.map((t) => [t.name, t.score]));
      const flips = all.find((t) => t.head[0] === 'If');
      expect(flips?.rows.length ?? 0).toBe(result.recommendation.flips.length);
    }
  });

  it('marks a question that did not apply, and says what would lift an exclusion', () => {
    const text = md(single);
    expect(text).toMatch(/\| Kubernetes skill \(`kubernetesExpertise`\) \| [^|]+ \| not asked \(does not apply\) \|/);
    expect(text).toMatch(/Kubeflow was ruled out: .+\((`seed:[A-Z]+-\d+`|<https:\/\/[^>]+>).*\)\. It would be considered if Kubernetes usage is "/);
  });

  it('gives a stack\'s own reasons and its running cost', () => {
    const combo = stack.combinations.find((s) => s.tools.join() === stack.recommendation.tools.join())!;
    expect(section(md(stack), '### Why')).toContain(combo.reasons[0]!.text);
    expect(section(md(stack), '### Consequences and trade-offs')).toMatch(/^- Running 2 tools together costs/m);
  });

  it('lists in Sources exactly the sources it cites', () => {
    for (const result of [stack, single]) {
      const text = md(result);
      const [body, sources] = text.split('\n## Sources\n');
      const inline = new Set([...body!.matchAll(/`(seed:[A-Z]+-\d+)`|<(https:\/\/[^>]+)>/g)].map((m) => m[1] ?? m[2]));
      const listed = [...sources!.matchAll(/^- (?:`(seed:[^`]+)`|<(https:\/\/[^>]+)>)$/gm)].map((m) => m[1] ?? m[2]);
      expect(new Set(listed)).toEqual(inline);
      expect(listed).toHaveLength(new Set(listed).size);
    }
  });

  it('keeps pipes and line breaks in text from breaking a table', () => {
    const result = structuredClone(single);
    const excluded = result.ranking.find((t) => t.excluded)!;
    excluded.exclusion!.text = 'needs a | cluster\nand skill';
    const options = tables(md(result))[2]!;
    const row = options.rows.find((r) => r[1] === excluded.name)!;
    expect(row).toHaveLength(options.head.length);
    expect(row[4]).toBe('excluded: needs a \\| cluster and skill');
  });

  it('names the answers file it was made from in its CI line, quoted for a shell where needed', () => {
    const tools = single.recommendation.tools.join(',');
    expect(md(single)).toContain(`\`mlflow-advisor recommend --answers ANSWERS.json --expect ${tools}\``);
    expect(renderMarkdown(single, catalog, DATE, 'teams/ml.yaml')).toContain(`\`mlflow-advisor recommend --answers teams/ml.yaml --expect ${tools}\``);
    expect(renderMarkdown(single, catalog, DATE, "our team's.json")).toContain(`--answers 'our team'\\''s.json' --expect`);
  });

  it('lists only the trade-offs that concern the team (record and report): R caveats for an R team, not for a Python one', () => {
    const rCaveat = /R users depend on the Python package|R support is in maintenance mode/;
    let checked = 0;
    for (const tool of ['mlflow', 'metaflow'] as const) {
      const python = recommend({ existingTools: [tool], languages: ['python'], tracking: 'essential' });
      const withR = recommend({ existingTools: [tool], languages: ['python', 'r'], tracking: 'essential' });
      if (!python.recommendation.tools.includes(tool) || !withR.recommendation.tools.includes(tool)) continue;
      expect(md(python)).not.toMatch(rCaveat);
      expect(md(withR)).toMatch(rCaveat);
      // The HTML report lists the same trade-offs.
      expect(renderHtml(python, catalog, DATE)).not.toMatch(rCaveat);
      expect(renderHtml(withR, catalog, DATE)).toMatch(rCaveat);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    for (const t of catalog.tools) {
      for (const r of t.tradeOffs) {
        for (const [id, values] of Object.entries(r.when ?? {})) {
          const q = catalog.questions.find((x) => x.id === id);
          expect(q, `${t.id}: ${id}`).toBeDefined();
          for (const v of values) expect(q!.choices.map((c) => c.value)).toContain(v);
        }
      }
    }
  });
});
