// Text for a terminal of a given width: wrapped at spaces with a hanging indent. A word is never
// cut (a URL or a path must stay whole to be copied); one wider than the room left gets a line
// of its own, with less indent if that makes it fit.

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on a terminal (colour codes take none; every character here is narrow). */
export const visibleWidth = (s: string) => Array.from(s.replace(ANSI, '')).length;

/**
 * `text` as lines of at most `width` columns: the first line starts with `first`, the others with
 * `rest` (by default as many spaces as `first` is wide). Line breaks in `text` are kept.
 */
export function wrap(text: string, width: number, first = '', rest = ' '.repeat(visibleWidth(first))): string[] {
  const out: string[] = [];
  let lead = first;
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    const flush = () => {
      out.push(lead + line);
      lead = rest;
      line = '';
      used = 0;
    };
    for (const word of paragraph.split(' ')) {
      if (word === '') continue;
      const w = visibleWidth(word);
      const room = width - visibleWidth(lead);
      if (used > 0 && used + 1 + w > room) flush();
      if (used === 0 && w > width - visibleWidth(lead)) {
        // A bullet keeps a line of its own; the word takes the next.
        if (lead.trim() !== '') {
          out.push(lead.trimEnd());
          lead = rest;
        }
        // Too wide for the indent: shift it left as far as it needs, down to the margin.
        const indent = Math.max(0, width - w);
        out.push(' '.repeat(Math.min(indent, visibleWidth(lead))) + word);
        lead = rest;
        continue;
      }
      line += (used > 0 ? ' ' : '') + word;
      used += (used > 0 ? 1 : 0) + w;
    }
    if (used > 0 || out.length === 0 || paragraph.trim() === '') flush();
  }
  return out;
}

/** A list item: `- text`, wrapped under its own text. */
export const bullet = (text: string, width: number, indent = '  ') => wrap(text, width, `${indent}- `);

/**
 * A shell command to copy, wrapped at spaces with a trailing ` \` on each broken line, so the
 * lines pasted together still run as one command.
 */
export function commandLines(command: string, width: number, indent: string): string[] {
  const words = command.split(' ').filter((w) => w !== '');
  const out: string[] = [];
  let line = '';
  for (const word of words) {
    const lead = out.length === 0 ? indent : indent + '  ';
    if (line !== '' && visibleWidth(lead + line + ' ' + word + ' \\') > width) {
      out.push(lead + line + ' \\');
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  out.push((out.length === 0 ? indent : indent + '  ') + line);
  return out;
}
