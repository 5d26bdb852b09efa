// Stacks of a large catalog: only the best few tools per weighted capability are combined.
import { describe, expect, it } from 'vitest';
import { PRUNE_ABOVE, STACK_CANDIDATES, stacksToScore, type PruneInput } from '../../src/engine/prune.js';

const tools = Array.from({ length: 12 }, (_, i) => `t${i}`);
const stacks: string[][] = [];
for (let a = 0; a < tools.length; a++) for (let b = a + 1; b < tools.length; b++) stacks.push([tools[a]!, tools[b]!]);
const kinds = ['capability', 'capability', 'cost'];
const input = (over: Partial<PruneInput> = {}): PruneInput => ({
  tools,
  stacks,
  kinds,
  weights: [0.5, 0.3, 0.2],
  // t0..t3 lead capability 0, t11..t8 capability 1; everyone is cheap.
  rating: (t, i) => (i === 0 ? Math.max(0, 5 - Number(t.slice(1))) : i === 1 ? Math.max(0, Number(t.slice(1)) - 6) : 5),
  existing: new Set(),
  excluded: new Set(),
  ...over,
});
const members = (s: readonly (readonly string[])[]) => [...new Set(s.flat())].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

describe('stacksToScore', () => {
  it('keeps every stack of a catalog of up to PRUNE_ABOVE tools', () => {
    const small = input({ tools: tools.slice(0, PRUNE_ABOVE), stacks: stacks.filter((s) => s.every((t) => Number(t.slice(1)) < PRUNE_ABOVE)) });
    expect(stacksToScore(small)).toEqual(small.stacks);
  });

  it('combines the best tools of each weighted capability, in turns, up to STACK_CANDIDATES', () => {
    const kept = stacksToScore(input());
    // Capability 0 is led by t0, t1, ... and capability 1 by t11, t10, ...: each takes turns.
    const half = STACK_CANDIDATES / 2;
    const expected = [...tools.slice(0, half), ...tools.slice(tools.length - half)];
    expect(members(kept)).toEqual(expected);
    expect(kept).toEqual(stacks.filter((s) => s.every((t) => members(kept).includes(t))));
  });

  it('ignores capabilities without weight, and always keeps the tools the team runs', () => {
    expect(members(stacksToScore(input({ weights: [1, 0, 0] })))).toEqual(tools.slice(0, STACK_CANDIDATES));
    expect(members(stacksToScore(input({ weights: [1, 0, 0], existing: new Set(['t11']) })))).toContain('t11');
  });

  it('leaves excluded tools out', () => {
    expect(members(stacksToScore(input({ excluded: new Set(['t0']) })))).not.toContain('t0');
  });
});
