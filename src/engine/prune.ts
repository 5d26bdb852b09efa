// Stacks for a large catalog. Every stack of up to three tools is 1,330 stacks for twenty tools,
// each scored for every answer set flips and the roadmap try and for every sensitivity sample. A
// stack earns its extra tools with capabilities a member has and the others lack, so with more
// than PRUNE_ABOVE tools only the best few tools per capability are combined: round by round,
// each weighted capability (the heaviest first) takes its best tool not taken yet, until
// STACK_CANDIDATES tools are taken; the tools the team runs always are. Every tool is still
// ranked on its own. The built-in catalog (four tools) and catalogs of up to PRUNE_ABOVE tools
// keep every stack.
import type { ToolId } from '../catalog/ids.js';

/** Catalogs with more tools than this combine only the best few per capability. */
export const PRUNE_ABOVE = 9;
/** How many tools the stacks of a large catalog are made of (6 tools: 35 stacks of two or three). */
export const STACK_CANDIDATES = 6;

export interface PruneInput {
  tools: readonly ToolId[];
  /** Every stack, in tie-break order. */
  stacks: readonly ToolId[][];
  kinds: readonly string[];
  weights: readonly number[];
  /** A tool's rating on criterion i for this team. */
  rating: (tool: ToolId, i: number) => number;
  existing: ReadonlySet<ToolId>;
  excluded: { has(tool: ToolId): boolean };
}

// The stacks of one set of taken tools, kept: flips and the roadmap ask again and again.
const memo = new WeakMap<readonly ToolId[][], Map<string, readonly ToolId[][]>>();

/** The stacks worth scoring, in the order given (all of them for a small catalog). */
export function stacksToScore(x: PruneInput): readonly ToolId[][] {
  if (x.tools.length <= PRUNE_ABOVE) return x.stacks;
  const open = x.tools.filter((t) => !x.excluded.has(t));
  const taken = new Set<ToolId>(open.filter((t) => x.existing.has(t)));
  // Weighted capabilities, the heaviest first (ties: criteria order).
  const caps: number[] = [];
  for (let i = 0; i < x.kinds.length; i++) if (x.kinds[i] === 'capability' && (x.weights[i] ?? 0) > 0) caps.push(i);
  caps.sort((a, b) => x.weights[b]! - x.weights[a]! || a - b);
  const goal = Math.max(STACK_CANDIDATES, taken.size);
  for (let more = true; taken.size < goal && more; ) {
    more = false;
    for (const i of caps) {
      if (taken.size >= goal) break;
      // This capability's best tool not taken yet (ties: catalog order).
      let best: ToolId | undefined;
      let top = -Infinity;
      for (const t of open) {
        if (taken.has(t)) continue;
        const r = x.rating(t, i);
        if (r > top) [best, top] = [t, r];
      }
      if (best !== undefined) {
        taken.add(best);
        more = true;
      }
    }
  }
  const key = x.tools.filter((t) => taken.has(t)).join();
  let byKey = memo.get(x.stacks);
  if (!byKey) memo.set(x.stacks, (byKey = new Map()));
  let kept = byKey.get(key);
  if (!kept) byKey.set(key, (kept = x.stacks.filter((s) => s.every((t) => taken.has(t)))));
  return kept;
}
