// `sources [ID]`: the claims that `seed:ID` sources cite, readable from the installed package:
// every claim on one line, or one claim with its English digest text and the Hindi original.
// The claims themselves load from their own lazy file, so no other command pays for them.
import { InputError } from '../../errors.js';
import { renderJson } from '../../render/json.js';
import type { Claim } from '../../sources/claims.js';
import { didYouMean } from '../../util/suggest.js';
import type { Io } from '../io.js';

/** The claim `raw` names: `ML-7` or `seed:ML-7`, in any case. */
export function findClaim(claims: readonly Claim[], raw: string): Claim {
  const id = raw.trim().replace(/^seed:/i, '').toUpperCase();
  const found = claims.find((c) => c.id === id);
  if (found) return found;
  throw new InputError(`unknown claim "${raw}"; use an id of ${idRanges(claims)} (mlflow-advisor sources lists them).${didYouMean(id, claims.map((c) => c.id))}`);
}

/** `F-1..F-4, AF-1..AF-13, ...`: the ids, by prefix. */
function idRanges(claims: readonly Claim[]): string {
  const byPrefix = new Map<string, string[]>();
  for (const c of claims) {
    const prefix = c.id.replace(/-\d+$/, '');
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), c.id]);
  }
  return [...byPrefix.values()].map((ids) => (ids.length > 1 ? `${ids[0]}..${ids.at(-1)}` : ids[0])).join(', ');
}

// Columns a terminal gives a string: combining marks (Devanagari vowel signs, viramas) take none.
const cells = (s: string) => [...s.replace(/\p{M}/gu, '')].length;

/** Words of `text` in lines of at most `width` cells (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && cells(line) + 1 + cells(word) > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * One claim a line: id, topic, text. With `columns` (a terminal), the text wraps under itself
 * to fit; without, each claim stays on one line for grep and cut.
 */
export function renderClaimList(claims: readonly Claim[], columns?: number): string {
  const idWidth = Math.max(...claims.map((c) => c.id.length));
  const topicWidth = Math.max(...claims.map((c) => c.topic.length));
  const indent = idWidth + topicWidth + 4;
  const out: string[] = [];
  for (const c of claims) {
    const head = `${c.id.padEnd(idWidth)}  ${c.topic.padEnd(topicWidth)}  `;
    const lines = columns ? wrap(c.text, Math.max(20, columns - indent)) : [c.text];
    out.push(head + lines[0], ...lines.slice(1).map((l) => ' '.repeat(indent) + l));
  }
  return out.join('\n') + '\n';
}

/** One claim: its id and topic, the English digest text, then the Hindi sentences it comes from. */
export function renderClaim(c: Claim, columns = 100): string {
  const width = Math.max(20, columns - 2);
  const block = (text: string) => wrap(text, width).map((l) => `  ${l}`);
  return [
    `${c.ref} (${c.topic})`,
    '',
    'English (digest of the article):',
    ...block(c.text),
    '',
    'Original (Hindi article):',
    ...c.original.sentences.flatMap(block),
    '',
  ].join('\n');
}

export async function runSources(raw: string | undefined, opts: { json?: boolean }, io: Io): Promise<void> {
  const { article, seedClaims } = await import('../../sources/claims.js');
  const claims = seedClaims();
  if (raw !== undefined) {
    const claim = findClaim(claims, raw);
    io.stdout.write(opts.json ? renderJson(claim) : renderClaim(claim, io.columns));
  } else if (opts.json) {
    io.stdout.write(renderJson({ article, claims }));
  } else {
    io.stdout.write(renderClaimList(claims, io.stdoutIsTTY ? io.columns : undefined));
    if (io.stdoutIsTTY) io.stdout.write(`\n${claims.length} claims of the source article. mlflow-advisor sources ID shows one with its Hindi original.\n`);
  }
}
