// The team section of the report (team mode): how many members share the advice, each member's
// own advice, and the disagreements, conflicts on facts first: the same lines the table and the
// decision record show.
import type { Catalog } from '../catalog/schema.js';
import type { Result } from '../schema/result.js';
import { h, type Html } from './html-kit.js';
import { teamLines } from './team.js';

export function teamSection(result: Result, catalog: Catalog): Html {
  const lines = teamLines(result, catalog);
  if (!lines) return h``;
  return h`<p>${lines.heading}.</p>
<h3>Members and their own advice</h3><ul>${lines.members.map((m) => h`<li>${m}</li>`)}</ul>
<h3>Where the team disagrees</h3>${lines.disagreements.length ? h`<ul>${lines.disagreements.map((d) => h`<li>${d}</li>`)}</ul>` : h`<p>Every member gave the same answers.</p>`}`;
}
