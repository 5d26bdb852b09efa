// User text echoed back in a message: escaped so it cannot drive the terminal (ANSI sequences,
// bidi overrides, newlines) and clipped so a 100 KB argument gives a one-line error.

// C0 and C1 controls, DEL, and the invisible direction marks and overrides.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Makes control characters visible: ESC becomes `\x1b`, a newline `\n`. */
export function escapeControls(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const code = c.codePointAt(0)!;
    return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** Keeps the start and the end of a long text, with its length in between. */
export function clip(s: string, max: number): string {
  const chars = Array.from(s);
  if (chars.length <= max) return s;
  const tail = Math.max(8, Math.floor(max / 4));
  const head = Math.max(8, max - tail);
  return `${chars.slice(0, head).join('')}…(${chars.length} characters)…${chars.slice(-tail).join('')}`;
}

/** A user's value in double quotes, safe to print and at most about `max` characters long. */
export function quote(value: string, max = 60): string {
  return `"${escapeControls(clip(value, max).replace(/["\\]/g, (c) => '\\' + c))}"`;
}
