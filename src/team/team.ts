// Team mode: several members' answers, one decision. The team's answers are merged by the data's
// rules; each member's own advice and every disagreement that would change the advice are found
// by running the same engine again, so every claim in the team section is checked.
import type { Catalog } from '../catalog/schema.js';
import { answerText, stackName } from '../engine/describe.js';
import { recommend, recommendedTools, type RecommendOptions } from '../engine/recommend.js';
import type { Answers } from '../engine/types.js';
import { InputError } from '../errors.js';
import { applies, defaults } from '../questionnaire/questions.js';
import type { Result, TeamSection } from '../schema/result.js';
import { mergeAnswers, type Member } from './merge.js';

export type { Member } from './merge.js';

export interface TeamOptions extends Omit<RecommendOptions, 'defaulted'> {
  /** Answers that apply to every member (command-line flags: team-wide facts such as the cloud). */
  flags?: Partial<Answers>;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
const valueKey = (v: string | string[]) => (Array.isArray(v) ? [...v].sort().join(',') : v);

function complete(given: Partial<Answers>, catalog: Catalog): { answers: Answers; defaulted: string[] } {
  const answers: Answers = defaults(catalog);
  for (const q of catalog.questions) if (given[q.id] !== undefined) answers[q.id] = given[q.id]!;
  return { answers, defaulted: catalog.questions.filter((q) => given[q.id] === undefined).map((q) => q.id) };
}

export function checkMembers(members: readonly Member[]): void {
  if (members.length === 0) throw new InputError('team: needs at least one member.');
  const seen = new Map<string, Member>();
  for (const m of members) {
    const other = seen.get(m.name);
    if (other) {
      const where = [other.source, m.source].filter(Boolean).join(' and ');
      throw new InputError(`team: two members are named "${m.name}"${where ? ` (${where})` : ''}; give one of them a "name" key.`);
    }
    seen.set(m.name, m);
  }
}

/**
 * The team's recommendation: the result `recommend` gives for the merged answers, with a `team`
 * section (members and their own advice, the questions they disagree on, conflicts first).
 */
export function recommendTeam(members: readonly Member[], catalog: Catalog, options: TeamOptions = {}): Result {
  checkMembers(members);
  const { flags = {}, ...engineOptions } = options;
  const withFlags = members.map((m) => ({ ...m, answers: { ...m.answers, ...flags } }));
  const merged = mergeAnswers(withFlags, catalog);
  const team = complete(merged.answers, catalog);
  const result = recommend(team.answers, catalog, { ...engineOptions, defaulted: team.defaulted });
  const tools = result.recommendation.tools;
  const advice = (answers: Answers) => recommendedTools(answers, catalog);

  const section: TeamSection = {
    members: withFlags.map((m) => {
      const own = complete(m.answers, catalog);
      const r = recommend(own.answers, catalog, { ...engineOptions, defaulted: own.defaulted });
      return {
        name: m.name,
        ...(m.source ? { source: m.source } : {}),
        answers: Object.fromEntries(catalog.questions.filter((q) => m.answers[q.id] !== undefined).map((q) => [q.id, m.answers[q.id]!])),
        recommendation: { tools: r.recommendation.tools, confidence: r.recommendation.confidence },
        agrees: same(r.recommendation.tools, tools),
      };
    }),
    disagreements: [],
  };

  for (const s of merged.spreads) {
    const q = catalog.questions.find((x) => x.id === s.question)!;
    // A question that does not apply to the team's answers (Kubernetes skill without Kubernetes)
    // cannot change the advice through its own value.
    const relevant = applies(q, team.answers);
    const byValue = new Map<string, { value: string | string[]; members: string[] }>();
    for (const v of s.values) {
      const k = valueKey(v.value);
      if (k === valueKey(s.merged)) continue;
      const entry = byValue.get(k) ?? { value: v.value, members: [] };
      entry.members.push(v.member);
      byValue.set(k, entry);
    }
    const alternatives = [...byValue.values()].map((alt) => {
      const changed = relevant ? advice({ ...team.answers, [s.question]: alt.value }) : tools;
      return { value: alt.value, members: alt.members, tools: changed, changesAdvice: !same(changed, tools) };
    });
    const changesAdvice = alternatives.some((a) => a.changesAdvice);
    const who = s.values.map((v) => `${v.member}: ${answerText(catalog, s.question, v.value)}`).join('; ');
    const used = answerText(catalog, s.question, s.merged);
    const effect = alternatives
      .filter((a) => a.changesAdvice)
      .map((a) => `with ${answerText(catalog, s.question, a.value)} (${a.members.join(', ')}) the advice would be ${stackName(catalog, a.tools)}`)
      .join('; ');
    const text = s.conflict
      ? `${q.label} is a fact the team must agree on, and it does not (${who}). Resolve it; ${used} is used meanwhile.${effect ? ` ${capital(effect)}.` : ' The advice is the same either way.'}`
      : `${capital(q.label)}: ${who}. The team's answer is ${used} (${catalog.team.ruleTexts[s.rule].label}).${effect ? ` ${capital(effect)}.` : ' The advice is the same with any member\'s answer.'}`;
    section.disagreements.push({
      question: s.question,
      rule: s.rule,
      conflict: s.conflict,
      values: s.values,
      merged: s.merged,
      ...(s.range ? { range: s.range } : {}),
      ...(s.counts ? { counts: s.counts } : {}),
      changesAdvice,
      alternatives,
      text,
    });
  }
  // Conflicts on facts first, then what changes the advice, then the rest (each in question order).
  const order = (d: TeamSection['disagreements'][number]) => (d.conflict ? 0 : d.changesAdvice ? 1 : 2);
  section.disagreements.sort((a, b) => order(a) - order(b));
  return { ...result, team: section };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
