// The terminal view: one screen by default, the whole story with detail, every line wrapped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { recommend, recommendTeam } from '../../src/index.js';
import { renderTable, SCREEN, scoreText, wholePercents } from '../../src/render/table.js';
import { commandLines, visibleWidth, wrap } from '../../src/render/wrap.js';
import type { Result } from '../../src/schema/result.js';
import { ANSWER_SETS } from '../fixtures/answer-sets.js';

const view = (r: Result, columns = 80, detail = false) => renderTable(r, catalog, { colour: 0, columns, detail });
const lines = (text: string) => text.replace(/\n$/, '').split('\n');
/** A line may pass the width only when it is one word that cannot be cut (a URL, a path), maybe with a command's ` \`. */
const tooWide = (text: string, width: number) => lines(text).filter((l) => visibleWidth(l) > width && !/^\s*\S+( \\)?$/.test(l));
const results = Object.entries(ANSWER_SETS).map(([name, answers]) => [name, recommend(answers)] as const);

describe('wrap', () => {
  const word = fc.stringMatching(/^[a-z]{1,12}$/);
  it('keeps every word, in order, and no line passes the width unless it is one long word', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(word, fc.stringMatching(/^https:\/\/[a-z/]{20,90}$/)), { minLength: 1, maxLength: 60 }), fc.integer({ min: 20, max: 120 }), (words, width) => {
        const out = wrap(words.join(' '), width, '  - ', '    ');
        expect(out.join(' ').split(' ').filter(Boolean)).toEqual(['-', ...words]);
        expect(out[0]!.startsWith('  - ') || out[0] === '  -').toBe(true);
        for (const l of out) if (visibleWidth(l) > width) expect(l.trim()).not.toContain(' ');
        for (const l of out.slice(1)) if (visibleWidth(l) + 0 <= width && !l.trim().startsWith('https://')) expect(l.startsWith('    ')).toBe(true);
      }),
    );
  });

  it('gives a URL wider than the room a line of its own, pulled left to fit when it can', () => {
    const url = 'https://example.org/' + 'a'.repeat(37);
    expect(wrap(`see ${url} here`, 60, '      ')).toEqual(['      see', `   ${url}`, '      here']);
    expect(wrap(`${url}${url} here`, 60, '  - ')).toEqual(['  -', url + url, '    here']);
  });

  it('ignores colour codes when measuring', () => {
    expect(wrap('\u001b[1mbold\u001b[22m word', 9)).toEqual(['\u001b[1mbold\u001b[22m word']);
  });

  it('breaks a command with trailing backslashes, so the pasted lines run as one', () => {
    const out = commandLines('pip install "apache-airflow==3.0.0" --constraint https://example.org/constraints.txt', 40, '  ');
    expect(out.length).toBeGreaterThan(1);
    for (const l of out.slice(0, -1)) expect(l.endsWith(' \\')).toBe(true);
    expect(out.map((l) => l.trim().replace(/ \\$/, '')).join(' ')).toBe('pip install "apache-airflow==3.0.0" --constraint https://example.org/constraints.txt');
  });
});

describe('wholePercents', () => {
  it('adds up to 100 for any shares of a whole, each within 1 of its exact value', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1000), { minLength: 1, maxLength: 8 }).filter((a) => a.some((x) => x > 0)), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const out = wholePercents(counts.map((c) => c / total));
        expect(out.reduce((a, b) => a + b, 0)).toBe(100);
        out.forEach((p, i) => expect(Math.abs(p - (counts[i]! / total) * 100)).toBeLessThan(1));
      }),
    );
    expect(wholePercents([1 / 3, 1 / 3, 1 / 3])).toEqual([34, 33, 33]);
    expect(wholePercents([0, 0])).toEqual([0, 0]);
  });
});

describe('the short view', () => {
  it.each(results)('%s: fits one screen at 80 columns and no line passes 60, 80 or 120', (_, r) => {
    expect(lines(view(r, 80)).length).toBeLessThanOrEqual(SCREEN);
    for (const w of [60, 80, 120]) expect(tooWide(view(r, w), w)).toEqual([]);
  });

  it.each(results)('%s: the ranking bar follows the share of first places its header names, and the shares add up to 100', (_, r) => {
    const rows = lines(view(r)).filter((l) => /^ {2}\d {2}/.test(l));
    expect(rows).toHaveLength(4);
    let sum = 0;
    for (const [i, row] of rows.entries()) {
      const t = r.ranking[i]!;
      expect(row).toContain(t.name);
      expect(row).toContain(scoreText(t.score));
      if (t.excluded) continue;
      const share = Number(/(\d+)%$/.exec(row)![1]);
      sum += share;
      expect(Math.abs(share - t.firstChance * 100)).toBeLessThan(1);
      expect((row.match(/█/g) ?? []).length).toBe(Math.round((share / 100) * 20));
    }
    expect(sum).toBe(100);
  });

  it('names the ranking "Single tool" beside a recommended stack, so the two cannot be mistaken', () => {
    for (const [, r] of results) {
      const head = lines(view(r)).find((l) => l.startsWith('  #  '))!;
      expect(head.startsWith(r.recommendation.tools.length > 1 ? '  #  Single tool ' : '  #  Tool ')).toBe(true);
    }
  });

  it('writes the scores as the summary does (80, not 80.0)', () => {
    const r = recommend({});
    const top = r.ranking[0]!;
    expect(r.recommendation.summary).toContain(`${scoreText(top.score)}/100`);
    expect(view(r)).toMatch(new RegExp(`${top.name} +${scoreText(top.score).replace('.', '\\.')} `));
  });

  it("gives a stack's own reasons, not a member's gaps that its partner covers", () => {
    const r = recommend(ANSWER_SETS.dataEngineering);
    expect(r.recommendation.tools.length).toBeGreaterThan(1);
    const why = view(r).split('\nWhy\n')[1]!.split('\n\n')[0]!.replace(/\s+/g, ' ');
    const stack = r.combinations.find((s) => s.tools.join() === r.recommendation.tools.join())!;
    expect(why).toContain(stack.reasons[0]!.text);
    for (const t of r.ranking.filter((x) => r.recommendation.tools.includes(x.tool))) {
      for (const reason of t.reasons.filter((x) => x.text.startsWith('Falls short'))) expect(why).not.toContain(reason.text);
    }
  });

  it('names defaults only for questions that apply: no Kubernetes skill without Kubernetes', () => {
    const label = catalog.questions.find((q) => q.id === 'kubernetesExpertise')!.label;
    const given = { teamSize: 'small', kubernetes: 'none' } as const;
    const without = recommend(given);
    expect(without.defaulted).toContain('kubernetesExpertise');
    const note = (text: string) => text.slice(text.indexOf('Defaults taken')).replace(/\s+/g, ' ');
    expect(note(view(without, 120))).toContain('budget');
    expect(note(view(without, 120))).not.toContain(label);
    expect(note(view(without, 120, true))).not.toContain(label);
    expect(note(view(recommend({ kubernetes: 'production' }), 120))).toContain(label);
    // Every question that applies answered: nothing to report.
    const all = Object.fromEntries(catalog.questions.filter((q) => q.id !== 'kubernetesExpertise').map((q) => [q.id, q.default]));
    expect(view(recommend({ ...all, kubernetes: 'none' }))).not.toContain('Defaults taken');
  });

  it('shows the deployment target of the advice and unmet must-haves when the result has them', () => {
    const r = structuredClone(recommend({})) as Result & { recommendation: { unmet: unknown[] } };
    const chosen = r.ranking.find((t) => t.tool === r.recommendation.tools[0])!;
    Object.assign(chosen, { target: { id: 'example-target', label: 'Example target (managed, Example cloud)', managed: true } });
    r.recommendation.unmet = [{ requirement: 'scheduling', label: 'Scheduling', text: 'Nothing in the stack schedules runs.' }];
    for (const detail of [false, true]) {
      expect(view(r, 80, detail)).toContain('Example target (managed, Example cloud)');
      expect(view(r, 80, detail)).toMatch(/Not met: Scheduling\. Nothing in the stack schedules runs\./);
    }
    expect(view(recommend({}))).not.toContain('Not met');
  });
});

describe('team mode', () => {
  const team = recommendTeam([
    { name: 'alice', answers: { teamSize: 'small', cloud: 'aws', needs: ['scheduling'] } },
    { name: 'Bob', answers: { teamSize: 'large', cloud: 'gcp', kubernetes: 'production', kubernetesExpertise: 'expert', opsExpertise: 'expert' } },
    { name: 'Carol', answers: { teamSize: 'medium', cloud: 'aws', tracking: 'essential', languages: ['python', 'r'] } },
  ]);

  it('keeps to one screen, with how many members agree; --detail has every member and disagreement', () => {
    const short = view(team);
    expect(lines(short).length).toBeLessThanOrEqual(SCREEN);
    expect(short).toMatch(/^Team of 3: /m);
    const detail = view(team, 120, true).replace(/\s+/g, ' ');
    for (const m of team.team!.members) expect(detail).toContain(m.name);
    for (const d of team.team!.disagreements) expect(detail).toContain(d.text);
    for (const w of [60, 80, 120]) expect(tooWide(view(team, w), w)).toEqual([]);
  });
});

describe('the detailed view', () => {
  it.each(results)('%s: holds everything the short view leaves out, and fits the width', (_, r) => {
    const text = view(r, 120, true).replace(/\s+/g, ' ');
    for (const t of r.ranking) for (const reason of t.reasons) expect(text).toContain(reason.text);
    for (const s of r.combinations) expect(text).toContain(`${s.tools.map((id) => r.ranking.find((t) => t.tool === id)!.name).join(' + ')}: ${scoreText(s.score)}`);
    const stack = r.combinations.find((s) => s.tools.join() === r.recommendation.tools.join());
    for (const reason of stack?.reasons ?? []) expect(text).toContain(reason.text);
    for (const f of r.recommendation.flips) expect(text).toContain(f.text);
    for (const s of r.roadmap) expect(text).toContain(s.text);
    for (const s of r.nextSteps) {
      expect(text).toContain(s.text);
      if (s.command) expect(text.replace(/ \\ /g, ' ')).toContain(s.command);
    }
    for (const t of r.ranking.filter((x) => x.excluded)) expect(text).toContain(t.exclusion!.text);
    for (const t of r.ranking.filter((x) => r.recommendation.tools.includes(x.tool))) for (const m of t.offerings ?? []) expect(text).toContain(m.label);
    expect(text).toContain(r.recommendation.confidenceText);
    for (const w of [60, 80, 120]) expect(tooWide(view(r, w, true), w)).toEqual([]);
  });
});
