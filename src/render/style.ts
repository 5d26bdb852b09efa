// Colour decision in one place: only on a terminal, never with NO_COLOR or TERM=dumb;
// FORCE_COLOR wins over the terminal check (as chalk documents), NO_COLOR wins over everything.
export function colourLevel(env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2') return 2;
    if (force === '3') return 3;
    return 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' ? 3 : 1;
}

export interface RenderOptions {
  colour: 0 | 1 | 2 | 3;
  /** Terminal width; narrow terminals get lists instead of tables. */
  columns: number;
}
