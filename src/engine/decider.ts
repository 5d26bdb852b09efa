// The decision alone, for many answer sets against one catalog: flips and the roadmap re-decide
// dozens of changed answers in every run. It gives what decideTools(buildCore(answers)) gives,
// with the same arithmetic in the same order, but builds no context: a stack's ratings depend
// only on the catalog, the managed offerings on the team's cloud and the tools already run, so
// they are laid out once per such combination and reused, and the scoring itself runs in the
// kernel (kernel.ts), which allocates nothing. Without WebAssembly, decideTools decides.
import type { Catalog } from '../catalog/schema.js';
import type { ToolId } from '../catalog/ids.js';
import { asList, has } from './answer-values.js';
import { buildCore, compile, effectiveRatings, excludes, managedBonus, penaltyPerNewTool, type Compiled } from './context.js';
import { kernelSpace, type KernelSpace } from './kernel.js';
import { decideTools, seamsToPay } from './score.js';
import type { Answers } from './types.js';

/** Offsets of one combination's rows in the decision space. */
interface Rows {
  /** Columns: the criteria, and continuity when the team runs tools already. */
  n: number;
  /** Ratings per row (single tools, then stacks in tie-break order), n per row. */
  pRatings: number;
  /** Per row: seams to pay for times the share of new tools (0 for a single tool). */
  pSeams: number;
}

interface State {
  c: Compiled;
  space: KernelSpace;
  rows: Map<string, Rows>;
  /** Single tools, then stacks. */
  members: ToolId[][];
  pMembers: number;
  /** Per column, how a stack's rating comes from its members' (see `stackRows` in kernel.wat). */
  pKinds: number;
  pWeights: number;
  pReqIndex: number;
  pReqMin: number;
  /** The weight rules as tables (see `weigh` in kernel.wat), and scratch for the rules that hold. */
  pBase: number;
  pAddFrom: number;
  pAddIdx: number;
  pAddVal: number;
  pScaleFrom: number;
  pScaleIdx: number;
  pScaleVal: number;
  pActive: number;
  pRaw: number;
  pScale: number;
}

const states = new WeakMap<Catalog, State>();

function stateFor(catalog: Catalog, space: KernelSpace): State {
  const cached = states.get(catalog);
  if (cached) return cached;
  const c = compile(catalog);
  const members = [...c.tools.map((t) => [t]), ...c.stacks];
  const pMembers = space.alloc(4 * members.length);
  const bits = space.i32(pMembers, members.length);
  members.forEach((tools, r) => (bits[r] = tools.reduce((b, t) => b | (1 << c.tools.indexOf(t)), 0)));
  const n = c.criteria.length + 1;
  const pKinds = space.alloc(4 * n);
  // The continuity column, when there is one, is the last.
  space.i32(pKinds, n).set([...c.criteria.map((x) => KIND_CODES[x.kind] ?? 3), KIND_CODES.continuity!]);
  const nAdd = c.rules.reduce((k, r) => k + r.add.length, 0);
  const nScale = c.rules.reduce((k, r) => k + r.scale.length, 0);
  const state: State = {
    c,
    space,
    rows: new Map(),
    members,
    pMembers,
    pKinds,
    pWeights: space.alloc(8 * n),
    pReqIndex: space.alloc(4 * c.requirements.length),
    pReqMin: space.alloc(8 * c.requirements.length),
    pBase: space.alloc(8 * c.base.length),
    pAddFrom: space.alloc(4 * (c.rules.length + 1)),
    pAddIdx: space.alloc(4 * nAdd),
    pAddVal: space.alloc(8 * nAdd),
    pScaleFrom: space.alloc(4 * (c.rules.length + 1)),
    pScaleIdx: space.alloc(4 * nScale),
    pScaleVal: space.alloc(8 * nScale),
    pActive: space.alloc(4 * c.rules.length),
    pRaw: space.alloc(8 * n),
    pScale: space.alloc(8 * n),
  };
  space.f64(state.pBase, c.base.length).set(c.base);
  const table = (pFrom: number, pIdx: number, pVal: number, count: number, entries: (r: Compiled['rules'][number]) => [number, number][]) => {
    const from = space.i32(pFrom, c.rules.length + 1);
    const idx = space.i32(pIdx, count);
    const val = space.f64(pVal, count);
    let e = 0;
    c.rules.forEach((r, k) => {
      from[k] = e;
      for (const [i, v] of entries(r)) {
        idx[e] = i;
        val[e++] = v;
      }
    });
    from[c.rules.length] = e;
  };
  table(state.pAddFrom, state.pAddIdx, state.pAddVal, nAdd, (r) => r.add);
  table(state.pScaleFrom, state.pScaleIdx, state.pScaleVal, nScale, (r) => r.scale);
  states.set(catalog, state);
  return state;
}

/** How stackRatings combines a kind of criterion over a stack's members (3: summed, not capped). */
const KIND_CODES: Record<string, number> = { capability: 0, cost: 1, continuity: 2 };

/** The effective ratings of every row, as buildCore and stackRatings give them. */
function layOut(state: State, existing: Set<ToolId>, continuity: boolean, bonus: Partial<Record<ToolId, number>>): Rows {
  const { c, space, members } = state;
  const ratings = effectiveRatings(c, existing, continuity, bonus);
  const n = c.criteria.length + (continuity ? 1 : 0);
  const rows: Rows = { n, pRatings: space.alloc(8 * n * members.length), pSeams: space.alloc(8 * members.length) };
  // The single tools' rows, then the stacks' from them in the kernel.
  const out = space.f64(rows.pRatings, n * c.tools.length);
  for (let t = 0; t < c.tools.length; t++) out.set(ratings[c.tools[t]!], t * n);
  space.wasm.stackRows(n, members.length, c.tools.length, rows.pRatings, state.pKinds, state.pMembers);
  const seams = space.f64(rows.pSeams, members.length);
  for (let r = 0; r < members.length; r++) seams[r] = seamsToPay(members[r]!, existing);
  return rows;
}

/** Typed views of the per-decision inputs; made again when the kernel's memory has grown. */
function viewsOf(state: State) {
  const { space, c } = state;
  return {
    buffer: space.memory,
    active: space.i32(state.pActive, c.rules.length),
    reqIndex: space.i32(state.pReqIndex, c.requirements.length),
    reqMin: space.f64(state.pReqMin, c.requirements.length),
  };
}

/**
 * A function that decides the recommended tools for any answers, as the full engine would. It
 * reads the answers it is given and keeps nothing of them, so a caller may change one set in
 * place between calls (smallestFlips does).
 */
export function decider(catalog: Catalog): (answers: Answers) => ToolId[] {
  const kernel = kernelSpace();
  if (!kernel) return (answers) => decideTools(buildCore(answers, catalog));
  const state = stateFor(catalog, kernel);
  const { c, space, members } = state;
  const model = catalog.model;
  const points = model.requirements.pointsPerMissingRating;
  const margin = model.combinations.margin;
  const nCriteria = c.criteria.length;
  let views = viewsOf(state);
  // Managed-offering bonuses depend on the cloud and the budget alone; few pairs occur.
  const bonuses = new Map<string, { key: string; bonus: Partial<Record<ToolId, number>> }>();
  return (answers) => {
    // The rows this answer set needs: keyed by what their ratings depend on.
    const place = `${String(answers.cloud)}|${String(answers.budget)}`;
    let managed = bonuses.get(place);
    if (!managed) {
      const bonus = managedBonus(answers, catalog);
      managed = { key: c.tools.map((t) => bonus[t] ?? 0).join(), bonus };
      bonuses.set(place, managed);
    }
    const existingList = asList(answers.existingTools);
    const continuity = existingList.length > 0;
    const key = `${managed.key}|${existingList.join()}`;
    let rows = state.rows.get(key);
    if (!rows) {
      rows = layOut(state, new Set(existingList as ToolId[]), continuity, managed.bonus);
      state.rows.set(key, rows);
    }

    // Weights: the rules that hold, weighed in the kernel as fillRawWeights and buildCore do.
    // (Plain loops: this runs for every changed answer, in V8's interpreter.)
    if (views.buffer !== space.memory) views = viewsOf(state);
    const { rules, requirements } = c;
    let nActive = 0;
    for (let k = 0; k < rules.length; k++) if (has(answers[rules[k]!.question], rules[k]!.value)) views.active[nActive++] = k;
    const n = space.wasm.weigh(nCriteria, state.pBase, state.pActive, nActive, state.pAddFrom, state.pAddIdx, state.pAddVal, state.pScaleFrom, state.pScaleIdx, state.pScaleVal, continuity ? 1 : 0, model.continuity.weight, state.pRaw, state.pScale, state.pWeights);

    // Declared needs, and the tools a hard constraint rules out (as excludedTools).
    let nReq = 0;
    for (let k = 0; k < requirements.length; k++) {
      const req = requirements[k]!;
      if (!has(answers[req.question], req.value)) continue;
      views.reqIndex[nReq] = req.index;
      views.reqMin[nReq++] = req.min;
    }
    let excluded = 0;
    for (const e of c.exclusions) if (excludes(answers, e)) excluded |= 1 << c.tools.indexOf(e.tool);

    const row = space.wasm.decide(n, members.length, c.tools.length, state.pWeights, rows.pRatings, rows.pSeams, penaltyPerNewTool(answers, catalog), state.pMembers, excluded, state.pReqIndex, state.pReqMin, nReq, points, margin);
    return row < 0 ? [] : [...members[row]!];
  };
}
