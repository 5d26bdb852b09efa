// Answers files and standard input: JSON and YAML give the same answers, and every bad file is
// an InputError naming the file, the key, the allowed values and the closest valid key.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/catalog.js';
import { InputError } from '../../src/errors.js';
import { MAX_ANSWERS_BYTES, duplicateJsonKey, isYaml, readAnswersFile } from '../../src/questionnaire/answers-file.js';

const dir = mkdtempSync(join(tmpdir(), 'advisor-answers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const read = (path: string) => readAnswersFile(path, catalog, Readable.from([]));
const stdin = (text: string, chunks = 1) => {
  const size = Math.ceil(text.length / chunks);
  const parts = Array.from({ length: chunks }, (_, i) => Buffer.from(text.slice(i * size, (i + 1) * size)));
  return readAnswersFile('-', catalog, Readable.from(parts));
};

const JSON_TEXT = '{"teamSize": "medium", "kubernetes": "production", "needs": ["scheduling", "lineage"], "existing-tools": []}\n';
const YAML_TEXT = `# the team's answers
teamSize: medium
kubernetes: production
needs:
  - scheduling
  - lineage
existing-tools: []
`;
const EXPECTED = { teamSize: 'medium', kubernetes: 'production', needs: ['lineage', 'scheduling'], existingTools: [] };

describe('readAnswersFile', () => {
  it('reads the same answers from JSON, YAML, a BOM-prefixed file and standard input', async () => {
    expect({ ...(await read(file('a.json', JSON_TEXT))) }).toEqual(EXPECTED);
    expect({ ...(await read(file('a.yaml', YAML_TEXT))) }).toEqual(EXPECTED);
    expect({ ...(await read(file('a.yml', YAML_TEXT))) }).toEqual(EXPECTED);
    expect({ ...(await read(file('bom.json', '\uFEFF' + JSON_TEXT))) }).toEqual(EXPECTED);
    expect({ ...(await stdin(JSON_TEXT, 3)) }).toEqual(EXPECTED);
    expect({ ...(await stdin(YAML_TEXT, 2)) }).toEqual(EXPECTED);
  });

  it('reads YAML only for .yaml/.yml files and for standard input that does not start like JSON', () => {
    expect([isYaml('team.yaml', ''), isYaml('TEAM.YML', ''), isYaml('team.json', 'a: b'), isYaml('team', 'a: b')]).toEqual([true, true, false, false]);
    expect([isYaml('-', '  {"a": 1}'), isYaml('-', '[1]'), isYaml('-', 'teamSize: small')]).toEqual([false, false, true]);
  });

  it('keeps YAML words such as no and on as strings, so they meet the choices', async () => {
    expect({ ...(await read(file('no.yaml', 'opsExpertise: none\ntracking: none\n'))) }).toEqual({ opsExpertise: 'none', tracking: 'none' });
    await expect(read(file('num.yaml', 'teamSize: 5\n'))).rejects.toThrow(/num\.yaml: teamSize: expected one of solo, small, medium, large, got number 5\./);
  });

  it.each([
    ['an unknown key, with the closest valid key', 'k.json', '{"teamsize": "small"}', /k\.json: unknown key "teamsize"\. Did you mean "teamSize"\? Known keys: teamSize, mlExpertise, .*existingTools, platform, hosting\./],
    ['an unknown YAML key', 'k.yaml', 'kubernetess: none\n', /k\.yaml: unknown key "kubernetess"\. Did you mean "kubernetes"\?/],
    ['a value outside the choices', 'v.json', '{"budget": "moderat"}', /v\.json: budget: "moderat" is not allowed; use one of: minimal, moderate, generous\. Did you mean "moderate"\?/],
    ['a list item outside the choices', 'l.yaml', 'needs: [lineage, sheduling]\n', /l\.yaml: needs: "sheduling" is not allowed; use any of: hyperparameter-tuning, .*Did you mean "scheduling"\?/],
    ['a list where one value belongs', 't.json', '{"teamSize": ["small"]}', /t\.json: teamSize: expected one of solo, small, medium, large, got a list\./],
    ['a __proto__ key', 'p.json', '{"__proto__": {"polluted": true}}', /p\.json: unknown key "__proto__"/],
    ['a YAML __proto__ key', 'p.yaml', '__proto__:\n  polluted: true\n', /p\.yaml: unknown key "__proto__"/],
    ['a document that is not an object', 'arr.json', '["small"]', /arr\.json: expected a JSON object of answers by question id/],
    ['invalid JSON', 'bad.json', '{"teamSize": "small",}', /bad\.json: not valid JSON \(/],
    ['invalid YAML', 'bad.yaml', 'needs: [lineage\n', /bad\.yaml: not valid YAML \(/],
    ['a repeated YAML key', 'dup.yaml', 'budget: minimal\nbudget: generous\n', /dup\.yaml: the key "budget" appears twice at line 2, column 1; give each answer once\./],
    ['several YAML documents', 'docs.yaml', 'budget: minimal\n---\nbudget: generous\n', /docs\.yaml: not valid YAML \(more than one document; an answers file is one mapping at line 2/],
    ['a YAML key repeated through an alias', 'alias.yaml', 'x: &k budget\n*k : minimal\nbudget: generous\n', /alias\.yaml: the key "budget" appears twice at line 3, column 1; give each answer once\./],
    ['a YAML key repeated in a nested mapping', 'nested.yaml', 'needs:\n  - {a: 1, a: 2}\n', /nested\.yaml: the key "a" appears twice at line 2, column 12/],
    ['an unknown YAML tag', 'tag.yaml', 'teamSize: !custom small\n', /tag\.yaml: not valid YAML \(Unresolved tag: !custom at line 1, column 11\)\./],
    ['a YAML 1.1 tag', 'binary.yaml', 'teamSize: !!binary aGVsbG8=\n', /binary\.yaml: not valid YAML \(Unresolved tag: tag:yaml\.org,2002:binary/],
    ['a YAML key that is a mapping', 'mapkey.yaml', '? {a: 1}\n: small\n', /mapkey\.yaml: not valid YAML \(a key that is a list or a mapping at line 1/],
    ['YAML nested too deeply', 'deep.yaml', '['.repeat(5000), /deep\.yaml: not valid YAML \(nested too deeply/],
    ['YAML of too many lines', 'long.yaml', 'k: v\n'.repeat(6000), /long\.yaml: too large for YAML answers \(more than 10000 lines, list items and separators\)/],
    ['a YAML list', 'list.yaml', '- small\n', /^[^{]*list\.yaml: expected a YAML mapping of answers by question id \(like teamSize: small\), got a list\.$/],
    ['a binary YAML file', 'bin.yaml', Buffer.from([0x61, 0x00]), /bin\.yaml: looks binary; an answers file is YAML like teamSize: small\.$/],
    ['a repeated JSON key', 'dup.json', '{"budget": "minimal",\n "budget": "generous"}', /dup\.json: the key "budget" appears twice \(line 2, column 2\); give each answer once\./],
    ['a JSON key repeated through an escape', 'esc.json', '{"budget": "minimal", "\\u0062udget": "generous"}', /esc\.json: the key "budget" appears twice \(line 1, column 23\)/],
    ['an empty file', 'empty.json', '  \n', /empty\.json: empty;/],
    ['YAML in a file named team.txt, with a hint', 'team.txt', '# our team\nteamSize: small\n', /team\.txt: not valid JSON \(.*\)\. It looks like YAML: name the file \.yaml or \.yml\.$/],
    ['an empty YAML file', 'empty.yml', '\n', /empty\.yml: empty; an answers file is YAML like teamSize: small\.$/],
    ['bytes that are not UTF-8', 'latin.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]), /latin\.json: not UTF-8 text/],
    ['a binary file', 'bin.json', Buffer.from([0x7b, 0x00, 0x7d]), /bin\.json: looks binary/],
  ])('rejects %s', async (_what, name, content, message) => {
    const err = await read(file(name, content)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).not.toContain('\n');
    // Each format speaks of itself only (YAML that a JSON name hides is named, to say how to have it read).
    const said = (err as Error).message;
    if (!said.includes('It looks like YAML')) expect(said).not.toMatch(/\.ya?ml$/.test(name) ? /JSON/ : /YAML/);
  });

  it('rejects a missing file, a directory and a file over the size limit before reading it', async () => {
    await expect(read(join(dir, 'missing.json'))).rejects.toThrow(/missing\.json: no such answers file\./);
    mkdirSync(join(dir, 'folder.json'));
    await expect(read(join(dir, 'folder.json'))).rejects.toThrow(/folder\.json: is a directory/);
    const big = file('big.json', Buffer.alloc(MAX_ANSWERS_BYTES + 1, 0x20));
    await expect(read(big)).rejects.toThrow(/big\.json: \d+ bytes is too large for an answers file/);
    await expect(stdin(' '.repeat(MAX_ANSWERS_BYTES + 1), 4)).rejects.toThrow(/standard input: more than \d+ bytes/);
  });

  it('finds a repeated JSON key in one pass, in any object, not across objects or in strings', () => {
    expect(duplicateJsonKey('{"a": {"x": 1}, "b": {"x": 2}, "c": ["a", "a"], "d": "a:"}')).toBeUndefined();
    expect(duplicateJsonKey('{"a": [{"x": 1, "y": {"x": 0}, "x": 2}]}')).toEqual({ key: 'x', offset: 31 });
    expect(duplicateJsonKey('{"q\\"": 1, "q\\"" : 2}')).toEqual({ key: 'q"', offset: 11 });
    // 100,000 keys, the last one repeated: found, and in one pass (a quadratic check would not finish).
    const keys = Array.from({ length: 100_000 }, (_, i) => `"k${i}": 1`);
    const text = `{${keys.join(',')}, "k0": 2}`;
    expect(duplicateJsonKey(text)?.key).toBe('k0');
  });

  it('names standard input in its messages', async () => {
    await expect(stdin('{"teamSize": "huge"}')).rejects.toThrow(/^answers from standard input: teamSize: "huge" is not allowed/);
  });
});
