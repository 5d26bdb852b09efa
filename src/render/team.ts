// The team section of a result (team mode) as plain lines: each member's own advice, then the
// questions the members disagree on, conflicts on facts first. Shared by the table and markdown.
import type { Catalog } from '../catalog/schema.js';
import { percent, stackName } from '../engine/describe.js';
import type { Result } from '../schema/result.js';

export interface TeamLines {
  heading: string;
  members: string[];
  disagreements: string[];
}

export function teamLines(result: Result, catalog: Catalog): TeamLines | undefined {
  const team = result.team;
  if (!team) return undefined;
  const rec = stackName(catalog, result.recommendation.tools);
  const agreeing = team.members.filter((m) => m.agrees).length;
  return {
    heading: `Team of ${team.members.length}: ${agreeing} of ${team.members.length} would choose ${rec} on their own answers`,
    members: team.members.map(
      (m) => `${m.name}${m.source ? ` (${m.source})` : ''}: ${stackName(catalog, m.recommendation.tools)}, confidence ${percent(m.recommendation.confidence)}${m.agrees ? '' : ' (differs)'}`,
    ),
    disagreements: team.disagreements.map((d) => `${d.conflict ? 'Conflict: ' : d.changesAdvice ? 'Changes the advice: ' : ''}${d.text}`),
  };
}
