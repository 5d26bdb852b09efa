// Team mode: how members' answers combine, and what the team section claims.
import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { recommend, recommendedTools } from '../../src/engine/recommend.js';
import type { Answers } from '../../src/engine/types.js';
import { defaults } from '../../src/questionnaire/questions.js';
import { InputError } from '../../src/errors.js';
import { mergeAnswers, type Member } from '../../src/team/merge.js';
import { membersFromDocument, nameFromPath } from '../../src/team/members-file.js';
import { addMember } from '../../src/team/team-file.js';
import { recommendTeam } from '../../src/team/team.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const m = (name: string, answers: Member['answers']): Member => ({ name, answers });

describe('mergeAnswers', () => {
  it('takes the median of ordinal answers, the lower middle for an even count, with the range', () => {
    const merged = mergeAnswers([m('a', { teamSize: 'solo' }), m('b', { teamSize: 'large' }), m('c', { teamSize: 'small' })], catalog);
    expect(merged.answers.teamSize).toBe('small');
    expect(merged.spreads[0]).toMatchObject({ question: 'teamSize', rule: 'median', range: ['solo', 'large'], conflict: false });
    const even = mergeAnswers([m('a', { budget: 'generous' }), m('b', { budget: 'minimal' })], catalog);
    expect(even.answers.budget).toBe('minimal');
  });

  it('unites lists and counts how many members named each item', () => {
    const merged = mergeAnswers([m('a', { needs: ['scheduling', 'lineage'] }), m('b', { needs: ['scheduling'] }), m('c', { needs: [] })], catalog);
    expect(merged.answers.needs).toEqual(['lineage', 'scheduling']);
    expect(merged.spreads[0]!.counts).toEqual({ lineage: 1, scheduling: 2 });
  });

  it('reports a conflict when members disagree on a fact, and uses the most common answer meanwhile', () => {
    const merged = mergeAnswers([m('a', { cloud: 'gcp' }), m('b', { cloud: 'aws' }), m('c', { cloud: 'gcp' })], catalog);
    expect(merged.answers.cloud).toBe('gcp');
    expect(merged.spreads[0]).toMatchObject({ question: 'cloud', conflict: true, counts: { aws: 1, gcp: 2 } });
  });

  it('takes the plurality for the priority, a tie going to the earlier choice', () => {
    expect(mergeAnswers([m('a', { priority: 'governance' }), m('b', { priority: 'cost' })], catalog).answers.priority).toBe('cost');
    expect(mergeAnswers([m('a', { priority: 'governance' }), m('b', { priority: 'governance' }), m('c', { priority: 'cost' })], catalog).answers.priority).toBe('governance');
  });

  it('counts only members who answered, and reports no spread where they agree', () => {
    const merged = mergeAnswers([m('a', { teamSize: 'medium' }), m('b', {})], catalog);
    expect(merged.answers).toEqual({ teamSize: 'medium' });
    expect(merged.spreads).toEqual([]);
  });
});

describe('recommendTeam', () => {
  const alice = m('alice', { teamSize: 'small', cloud: 'aws', needs: ['scheduling'] });
  const bob = m('bob', { teamSize: 'large', cloud: 'gcp', kubernetes: 'production', kubernetesExpertise: 'expert', opsExpertise: 'expert', needs: ['distributed-training'] });

  it('recommends for the merged answers, and lists what no member answered as defaulted', () => {
    const r = recommendTeam([alice, bob], catalog);
    const merged = { ...defaults(catalog), ...mergeAnswers([alice, bob], catalog).answers } as Answers;
    expect(r.recommendation.tools).toEqual(recommendedTools(merged, catalog));
    expect(r.answers.needs).toEqual(['distributed-training', 'scheduling']);
    expect(r.defaulted).toContain('budget');
    expect(r.defaulted).not.toContain('teamSize');
  });

  it("gives each member's own advice, as the engine gives it for that member alone", () => {
    const r = recommendTeam([alice, bob], catalog);
    for (const [i, member] of [alice, bob].entries()) {
      const own = recommend({ ...defaults(catalog), ...member.answers } as Answers, catalog).recommendation.tools;
      expect(r.team!.members[i]!.recommendation.tools).toEqual(own);
      expect(r.team!.members[i]!.agrees).toBe(own.join() === r.recommendation.tools.join());
    }
  });

  it('names conflicts first, and every "changes the advice" claim re-runs true', () => {
    const r = recommendTeam([alice, bob], catalog);
    const ds = r.team!.disagreements;
    expect(ds.map((d) => d.question).sort()).toEqual(['cloud', 'needs', 'teamSize']);
    expect(ds[0]!.question).toBe('cloud');
    // After the conflicts, those that change the advice, then the rest.
    const rest = ds.filter((d) => !d.conflict).map((d) => d.changesAdvice);
    expect(rest).toEqual([...rest].sort((a, b) => Number(b) - Number(a)));
    const firstNonConflict = ds.findIndex((d) => !d.conflict);
    expect(ds.slice(firstNonConflict).every((d) => !d.conflict)).toBe(true);
    for (const d of ds) {
      for (const alt of d.alternatives) {
        const tools = recommendedTools({ ...r.answers, [d.question]: alt.value }, catalog);
        expect(alt.tools).toEqual(tools);
        expect(alt.changesAdvice).toBe(tools.join() !== r.recommendation.tools.join());
      }
      expect(d.changesAdvice).toBe(d.alternatives.some((a) => a.changesAdvice));
    }
  });

  it('applies flags to every member, so a flag settles a conflict', () => {
    const r = recommendTeam([alice, bob], catalog, { flags: { cloud: 'azure' } });
    expect(r.answers.cloud).toBe('azure');
    expect(r.team!.disagreements.find((d) => d.question === 'cloud')).toBeUndefined();
    expect(r.team!.members.every((x) => x.answers.cloud === 'azure')).toBe(true);
  });

  it('refuses two members of one name, naming their files', () => {
    expect(() => recommendTeam([{ ...alice, source: 'a.json' }, { ...bob, name: 'alice', source: 'b.json' }], catalog)).toThrow(
      /two members are named "alice" \(a.json and b.json\)/,
    );
  });
});

describe('member files', () => {
  it('names a member by its name key or its file name', () => {
    expect(nameFromPath('team/alice.yaml')).toBe('alice');
    expect(membersFromDocument({ name: 'Bob B.', teamSize: 'solo' }, 'b.json', 'b.json', catalog).members[0]).toMatchObject({ name: 'Bob B.', answers: { teamSize: 'solo' } });
    expect(membersFromDocument({ teamSize: 'solo' }, 'carol.json', 'carol.json', catalog)).toMatchObject({ teamFile: false, members: [{ name: 'carol' }] });
  });

  it('reads a team file of members, and names the member whose answers are wrong', () => {
    const doc = { members: [{ name: 'a', answers: { teamSize: 'solo' } }, { name: 'b', answers: {} }] };
    expect(membersFromDocument(doc, 't.json', 't.json', catalog)).toMatchObject({ teamFile: true, members: [{ name: 'a' }, { name: 'b' }] });
    expect(() => membersFromDocument({ members: [{ name: 'a', answers: { teamSize: 'huge' } }] }, 't.json', 't.json', catalog)).toThrow(
      /t.json: members\[0\] \(a\): teamSize: "huge" is not allowed/,
    );
    expect(() => membersFromDocument({ members: [] }, 't.json', 't.json', catalog)).toThrow(InputError);
    expect(() => membersFromDocument({ members: [{ name: '\u001b[2J', answers: {} }] }, 't.json', 't.json', catalog)).toThrow(/"name" must be/);
  });

  it('adds a member to a team file, replacing one of the same name, and refuses a plain answers file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'advisor-team-'));
    try {
      const file = join(dir, 'team.json');
      writeFileSync(file, await addMember(file, 'alice', { teamSize: 'solo' }, catalog));
      writeFileSync(file, await addMember(file, 'bob', { teamSize: 'large' }, catalog));
      const text = await addMember(file, 'alice', { teamSize: 'medium' }, catalog);
      expect(JSON.parse(text)).toEqual({ members: [{ name: 'alice', answers: { teamSize: 'medium' } }, { name: 'bob', answers: { teamSize: 'large' } }] });
      const plain = join(dir, 'me.json');
      writeFileSync(plain, '{"teamSize": "solo"}');
      await expect(addMember(plain, 'alice', {}, catalog)).rejects.toThrow(/one person's answers, not a team/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
