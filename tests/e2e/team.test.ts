// Team mode through the built binary: several answers files, a team file built with --member,
// the schema of the team section, and a member's bad file reported by name with nothing written.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/index.js';
import { hasStack, run } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const { dir, file } = tempDir('advisor-team-e2e-');
const alice = file('alice.json', '{"teamSize": "small", "cloud": "aws", "needs": ["scheduling"]}');
const bob = file('bob.yaml', 'name: Bob\nteamSize: large\ncloud: gcp\nkubernetes: production\nkubernetesExpertise: expert\nopsExpertise: expert\n');

describe('team mode', () => {
  it('gives a team result for two files, valid against the published schema', () => {
    const r = run(['recommend', '--json', '--answers', alice, '--answers', bob]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.team.members.map((m: { name: string }) => m.name)).toEqual(['alice', 'Bob']);
    expect(doc.team.disagreements[0]).toMatchObject({ question: 'cloud', conflict: true });
    const validate = new Ajv2020({ allErrors: true }).compile(JSON.parse(run(['schema']).stdout));
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
  });

  it('gives exactly the single-team output for one file', () => {
    const r = run(['recommend', '--json', '--answers', alice]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.team).toBeUndefined();
    expect(doc).toEqual(JSON.parse(JSON.stringify(recommend({ teamSize: 'small', cloud: 'aws', needs: ['scheduling'] }))));
  });

  it('shows members and disagreements in the table and the decision record', () => {
    const table = run(['recommend', '--answers', alice, '--answers', bob]);
    expect(table.stdout).toMatch(/Team of 2: /);
    // The short view may list fewer than all (saying how many); --detail lists every one.
    expect(table.stdout).toMatch(/Where the team disagrees( \(\d of \d\))?\n {2}- Conflict: cloud is a fact the team must agree on/);
    const md = run(['recommend', '--format', 'markdown', '--answers', alice, '--answers', bob]);
    expect(md.stdout).toMatch(/### The team\n\nTeam of 2/);
    expect(md.stdout).toMatch(/### Where the team disagrees\n\n- Conflict: cloud/);
  });

  it("reports a member's bad file by its name, exits 2 and writes nothing", () => {
    const bad = file('carol.json', '{"teamSize": "huge"}');
    const out = join(dir, 'never.md');
    const r = run(['recommend', '--answers', alice, '--answers', bad, '--format', 'markdown', '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/carol\.json: teamSize: "huge" is not allowed/);
    expect(hasStack(r.stderr)).toBe(false);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('builds a team file one member at a time with --member, and replays it', () => {
    const team = join(dir, 'team.json');
    expect(run(['recommend', '--no-interactive', '--team-size', 'solo', '--member', 'ann', '--save', team]).code).toBe(0);
    const r = run(['recommend', '--no-interactive', '--team-size', 'large', '--cloud', 'gcp', '--member', 'ben', '--save', team]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Added ben to .*team\.json/);
    expect(JSON.parse(readFileSync(team, 'utf8')).members.map((m: { name: string }) => m.name)).toEqual(['ann', 'ben']);
    const replay = JSON.parse(run(['recommend', '--json', '--answers', team]).stdout);
    expect(replay.team.members).toHaveLength(2);
    expect(replay.answers.teamSize).toBe('solo');
  });

  it('refuses --member without --save, and two members of one name', () => {
    expect(run(['recommend', '--member', 'ann']).stderr).toMatch(/--member NAME: needs --save TEAMFILE/);
    const twin = file('twin.json', '{"name": "alice"}');
    const r = run(['recommend', '--answers', alice, '--answers', twin]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/two members are named "alice"/);
  });
});
