// Combines several members' answers into the team's, question by question, by the rule the data
// declares for each (data/team.json): pure, and independent of the members' order.
import type { Catalog, Question } from '../catalog/schema.js';
import type { CombineRule } from '../catalog/ids.js';
import type { Answers } from '../engine/types.js';
import { choiceValues } from '../questionnaire/questions.js';

type Value = string | string[];

export interface Member {
  name: string;
  /** Where the answers came from (a file name), for messages. */
  source?: string;
  /** Only what the member answered; unanswered questions are not an opinion. */
  answers: Partial<Answers>;
}

export interface MemberValue {
  member: string;
  value: Value;
}

/** A question the members answered differently. */
export interface Spread {
  question: string;
  rule: CombineRule;
  values: MemberValue[];
  merged: Value;
  /** A fact about the environment (rule `agree`) that members disagree on. */
  conflict: boolean;
  /** median: the lowest and highest answer given. */
  range?: [string, string];
  /** union and plurality: how many members named each item or value. */
  counts?: Record<string, number>;
}

export interface MergedAnswers {
  /** The team's answer to every question at least one member answered. */
  answers: Partial<Answers>;
  /** The questions members answered differently, in question order. */
  spreads: Spread[];
}

const key = (v: Value) => (Array.isArray(v) ? [...v].sort().join(',') : v);

export function ruleOf(catalog: Catalog, q: Question): CombineRule {
  return catalog.team.rules[q.id]!;
}

export function mergeAnswers(members: readonly Member[], catalog: Catalog): MergedAnswers {
  const answers: Partial<Answers> = {};
  const spreads: Spread[] = [];
  for (const q of catalog.questions) {
    const values: MemberValue[] = [];
    for (const m of members) {
      const v = m.answers[q.id];
      if (v !== undefined) values.push({ member: m.name, value: v });
    }
    if (values.length === 0) continue;
    const rule = ruleOf(catalog, q);
    const order = choiceValues(q);
    const rank = (v: string) => order.indexOf(v);
    let merged: Value;
    let counts: Record<string, number> | undefined;
    let range: [string, string] | undefined;
    if (q.type === 'multi') {
      // Lists combine by union (for `agree` too, where a difference is also a conflict).
      counts = {};
      for (const { value } of values) for (const item of value as string[]) counts[item] = (counts[item] ?? 0) + 1;
      merged = order.filter((v) => counts![v] !== undefined);
      counts = Object.fromEntries(order.filter((v) => counts![v] !== undefined).map((v) => [v, counts![v]!]));
    } else {
      const singles = values.map((v) => v.value as string);
      if (rule === 'median') {
        const sorted = [...singles].sort((a, b) => rank(a) - rank(b));
        merged = sorted[Math.floor((sorted.length - 1) / 2)]!;
        range = [sorted[0]!, sorted[sorted.length - 1]!];
      } else {
        // plurality, and `agree` while the conflict stands: the most common answer, ties to the earlier choice.
        const tally = new Map<string, number>();
        for (const v of singles) tally.set(v, (tally.get(v) ?? 0) + 1);
        merged = [...tally.entries()].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))[0]![0];
        counts = Object.fromEntries(order.filter((v) => tally.has(v)).map((v) => [v, tally.get(v)!]));
      }
    }
    answers[q.id] = merged;
    if (new Set(values.map((v) => key(v.value))).size > 1) {
      spreads.push({
        question: q.id,
        rule,
        values,
        merged,
        conflict: rule === 'agree',
        ...(range ? { range } : {}),
        ...(counts ? { counts } : {}),
      });
    }
  }
  return { answers, spreads };
}
