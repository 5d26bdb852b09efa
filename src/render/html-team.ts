// The team section of the report: members, their own advice, disagreements and conflicts, read
// from the result's `team` field by its shape (lists of records become tables, lists of words
// lists, records definition lists), so a field the team result gains shows without a change here.
import { h, type Html } from './html-kit.js';

/** `memberCount` -> `Member count`. */
const words = (key: string) => {
  const s = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One value as inline text. */
function inline(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(inline).join(', ');
  if (isRecord(v)) {
    // A nested recommendation or similar: its tools or its words first.
    if (Array.isArray(v.tools)) return inline(v.tools);
    if (typeof v.text === 'string') return v.text;
    return Object.entries(v)
      .map(([k, x]) => `${words(k)}: ${inline(x)}`)
      .join('; ');
  }
  if (typeof v === 'number') return String(Math.round(v * 1000) / 1000);
  return String(v);
}

function block(key: string, v: unknown): Html {
  const title = h`<h3>${words(key)}</h3>`;
  if (Array.isArray(v)) {
    if (v.length === 0) return h`${title}<p class="muted">None.</p>`;
    if (v.every(isRecord)) {
      const columns = [...new Set(v.flatMap((row) => Object.keys(row)))];
      return h`${title}<div class="scroll" tabindex="0" role="region" aria-label="${words(key)}"><table>
<thead><tr>${columns.map((col) => h`<th scope="col">${words(col)}</th>`)}</tr></thead>
<tbody>${v.map((row) => h`<tr>${columns.map((col, i) => (i === 0 ? h`<th scope="row">${inline(row[col])}</th>` : h`<td>${inline(row[col])}</td>`))}</tr>`)}</tbody>
</table></div>`;
    }
    return h`${title}<ul>${v.map((x) => h`<li>${inline(x)}</li>`)}</ul>`;
  }
  if (isRecord(v)) return h`${title}<dl>${Object.entries(v).map(([k, x]) => h`<dt>${words(k)}</dt><dd>${inline(x)}</dd>`)}</dl>`;
  return h`${title}<p>${inline(v)}</p>`;
}

export function teamSection(team: unknown): Html {
  if (!isRecord(team)) return h`<p>${inline(team)}</p>`;
  return h`${Object.entries(team).map(([k, v]) => block(k, v))}`;
}
