// The engine's two hot loops (the sensitivity sampler and the decision re-run for flips and the
// roadmap), twice: in WebAssembly (kernel.wat), which a cold run executes at machine speed, and
// in JavaScript, for a Node without WebAssembly (`--jitless`). Both do the same arithmetic in the
// same order, and the tests hold them to the same results.
import wasmBytes from './kernel.wat';

export interface SamplerInput {
  /** Weighted criteria (columns). */
  n: number;
  /** Single tools first, then stacks. */
  nRows: number;
  nSingles: number;
  /** Base weight per column. */
  base: Float64Array;
  /** Row-major: base weight x rating x 20, so that a score is m·f / base·f less the fixed cost. */
  m: Float64Array;
  fixed: Float64Array;
  /** 0 for rows pruned before sampling. */
  live: Uint8Array;
  samples: number;
  seed: number;
  /** Each factor is drawn from [lo, lo + span). */
  lo: number;
  span: number;
  margin: number;
  /** The row whose picks are counted. */
  baselineRow: number;
}

export interface SamplerOutput {
  /** Samples whose pick is the baseline row. */
  same: number;
  /** Per single row: samples in which it ranks first among the single tools. */
  firstCount: Float64Array;
}

/**
 * One pass of the recommendation rule, the one copy in JavaScript (kernel.wat applies the same):
 * rows are offered in order, the best single tool and the best stack are kept (ties: the earlier
 * row), and the stack is picked only when it beats the single tool by the margin.
 */
export class BestRows {
  single = -1;
  singleScore = -Infinity;
  stack = -1;
  stackScore = -Infinity;

  offer(row: number, score: number, isSingle: boolean): void {
    if (isSingle) {
      if (score > this.singleScore) {
        this.singleScore = score;
        this.single = row;
      }
    } else if (score > this.stackScore) {
      this.stackScore = score;
      this.stack = row;
    }
  }

  /** The row the rule picks, or -1 when no row was offered. */
  pick(margin: number): number {
    return this.stack >= 0 && (this.single < 0 || this.stackScore >= this.singleScore + margin) ? this.stack : this.single;
  }
}

export function sampleJs(x: SamplerInput): SamplerOutput {
  const { n, nRows, nSingles, base, m, fixed, live, lo, span, margin } = x;
  const firstCount = new Float64Array(nSingles);
  const f = new Float64Array(n);
  let same = 0;
  let a = x.seed >>> 0; // mulberry32, a small seedable PRNG, inlined
  for (let k = 0; k < x.samples; k++) {
    let total = 0;
    for (let c = 0; c < n; c++) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const factor = lo + span * (((t ^ (t >>> 14)) >>> 0) / 4294967296);
      f[c] = factor;
      total += base[c]! * factor;
    }
    const best = new BestRows();
    for (let r = 0; r < nRows; r++) {
      if (live[r] === 0) continue;
      let dot = 0;
      const o = r * n;
      for (let c = 0; c < n; c++) dot += m[o + c]! * f[c]!;
      let score = dot / total - fixed[r]!;
      if (score < 0) score = 0;
      best.offer(r, score, r < nSingles);
    }
    if (best.pick(margin) === x.baselineRow) same++;
    if (best.single >= 0) firstCount[best.single]!++;
  }
  return { same, firstCount };
}

/** What pruning needs: the sampler's rows and the box's upper end. */
export type PruneInput = Pick<SamplerInput, 'n' | 'nRows' | 'nSingles' | 'base' | 'm' | 'fixed' | 'lo' | 'margin'> & { hi: number };

/**
 * The rows that some weighting in the box [lo, hi]^n can pick (1) or none can (0). Over the box,
 * score_q + offset - score_r has the sign of the linear form
 *   sum_c (m_qc - m_rc - (fixed_q - fixed_r - offset) * base_c) * f_c,
 * whose minimum takes each f_c at lo or hi by the sign of its coefficient. A row beaten within
 * its group (single tools, stacks) under every weighting goes (ties to the earlier row), and so
 * does a stack that some single tool always keeps within the margin.
 */
export function pruneJs(x: PruneInput): Uint8Array {
  const { n, nRows, nSingles, base, m, fixed, lo, hi, margin } = x;
  const worstLead = (q: number, r: number, offset: number) => {
    let min = 0;
    for (let c = 0; c < n; c++) {
      const d = m[q * n + c]! - m[r * n + c]! - (fixed[q]! - fixed[r]! - offset) * base[c]!;
      min += d >= 0 ? d * lo : d * hi;
    }
    return min;
  };
  const live = new Uint8Array(nRows).fill(1);
  for (let r = 0; r < nRows; r++) {
    for (let q = 0; q < nRows && live[r]; q++) {
      if (q === r || !live[q] || q < nSingles !== r < nSingles) continue;
      const lead = worstLead(q, r, 0);
      if (q < r ? lead >= 0 : lead > 0) live[r] = 0;
    }
  }
  for (let r = nSingles; r < nRows; r++) {
    for (let q = 0; q < nSingles && live[r]; q++) if (live[q] && worstLead(q, r, margin) > 0) live[r] = 0;
  }
  return live;
}

type Sample = (
  n: number, rows: number, singles: number, samples: number, seed: number,
  lo: number, span: number, margin: number, baseline: number,
  pBase: number, pM: number, pFixed: number, pLive: number, pF: number, pFirst: number,
) => number;

type Decide = (
  n: number, rows: number, singles: number, pW: number, pR: number, pSeams: number, perSeam: number,
  pMembers: number, excluded: number, pReqIndex: number, pReqMin: number, nReq: number, points: number, margin: number,
) => number;

type Prune = (
  n: number, rows: number, singles: number, lo: number, hi: number, margin: number,
  pBase: number, pM: number, pFixed: number, pLive: number,
) => void;

type Weigh = (
  nCrit: number, pBase: number, pActive: number, nActive: number, pAddFrom: number, pAddIdx: number, pAddVal: number,
  pScaleFrom: number, pScaleIdx: number, pScaleVal: number, continuity: number, contWeight: number, pRaw: number, pScale: number, pW: number,
) => number;

type StackRows = (n: number, rows: number, singles: number, pR: number, pKinds: number, pMembers: number) => void;

interface Exports {
  stackRows: StackRows;
  sample: Sample;
  prune: Prune;
  decide: Decide;
  weigh: Weigh;
  memory: WebAssembly.Memory;
}

let compiled: WebAssembly.Module | null | undefined;

/** An instance of the compiled kernel, or undefined without WebAssembly. */
function instance(): Exports | undefined {
  if (compiled === undefined) {
    try {
      compiled = typeof WebAssembly === 'object' ? new WebAssembly.Module(wasmBytes) : null;
    } catch {
      compiled = null; // no WebAssembly in this Node (--jitless): the JavaScript loops do the work
    }
  }
  return compiled ? (new WebAssembly.Instance(compiled).exports as unknown as Exports) : undefined;
}

/**
 * Memory for the kernel: the WebAssembly instance's memory where there is one, else a plain
 * buffer for the JavaScript loops. Regions are handed out in order and kept; `scratch` is one
 * region reused by every call that needs room only for its duration. Views must be made again
 * after an `alloc`, which may grow the memory.
 */
export class KernelSpace {
  private readonly wasm: Exports | undefined;
  private buffer: ArrayBuffer;
  private used = 0;
  private scratchAt = 0;
  private scratchSize = 0;

  constructor(useWasm = true) {
    this.wasm = useWasm ? instance() : undefined;
    this.buffer = this.wasm ? this.wasm.memory.buffer : new ArrayBuffer(65536);
  }

  get usesWasm(): boolean {
    return this.wasm !== undefined;
  }

  /** The memory's current buffer: views made on an earlier one are stale. */
  get memory(): ArrayBuffer {
    return this.buffer;
  }

  /** Reserves bytes (8-byte aligned) and returns their offset. */
  alloc(bytes: number): number {
    const at = this.used;
    this.used += Math.ceil(bytes / 8) * 8;
    if (this.used > this.buffer.byteLength) {
      const pages = Math.ceil((this.used - this.buffer.byteLength) / 65536);
      if (this.wasm) {
        this.wasm.memory.grow(pages);
        this.buffer = this.wasm.memory.buffer;
      } else {
        const bigger = new ArrayBuffer(this.buffer.byteLength + pages * 65536);
        new Uint8Array(bigger).set(new Uint8Array(this.buffer));
        this.buffer = bigger;
      }
    }
    return at;
  }

  scratch(bytes: number): number {
    if (bytes > this.scratchSize) {
      this.scratchAt = this.alloc(bytes);
      this.scratchSize = bytes;
    }
    return this.scratchAt;
  }

  f64(offset: number, length: number): Float64Array {
    return new Float64Array(this.buffer, offset, length);
  }

  i32(offset: number, length: number): Int32Array {
    return new Int32Array(this.buffer, offset, length);
  }

  u8(offset: number, length: number): Uint8Array {
    return new Uint8Array(this.buffer, offset, length);
  }

  /**
   * The rows of `prune` and `sample` in the scratch region: f64 arrays first (8-byte aligned),
   * base[n], m[rows*n], fixed[rows], f[n], first[singles], then live[rows] bytes. Copies in base,
   * m and fixed.
   */
  private rows(x: PruneInput) {
    const { n, nRows, nSingles } = x;
    const pBase = this.scratch(8 * (n + nRows * n + nRows + n + nSingles) + nRows);
    const pM = pBase + 8 * n;
    const pFixed = pM + 8 * nRows * n;
    const pF = pFixed + 8 * nRows;
    const pFirst = pF + 8 * n;
    const pLive = pFirst + 8 * nSingles;
    this.f64(pBase, n).set(x.base);
    this.f64(pM, nRows * n).set(x.m);
    this.f64(pFixed, nRows).set(x.fixed);
    return { pBase, pM, pFixed, pF, pFirst, pLive };
  }

  /** Pruning (see `prune` in kernel.wat), or undefined without WebAssembly. */
  prune(x: PruneInput): Uint8Array | undefined {
    if (!this.wasm) return undefined;
    const { pBase, pM, pFixed, pLive } = this.rows(x);
    this.wasm.prune(x.n, x.nRows, x.nSingles, x.lo, x.hi, x.margin, pBase, pM, pFixed, pLive);
    return this.u8(pLive, x.nRows).slice();
  }

  /** The sampling loop (see `sample` in kernel.wat), or undefined without WebAssembly. */
  sample(x: SamplerInput): SamplerOutput | undefined {
    if (!this.wasm) return undefined;
    const { n, nRows, nSingles } = x;
    const { pBase, pM, pFixed, pF, pFirst, pLive } = this.rows({ ...x, hi: x.lo + x.span });
    this.f64(pFirst, nSingles).fill(0);
    this.u8(pLive, nRows).set(x.live);
    const same = this.wasm.sample(n, nRows, nSingles, x.samples, x.seed >>> 0, x.lo, x.span, x.margin, x.baselineRow, pBase, pM, pFixed, pLive, pF, pFirst);
    return { same, firstCount: this.f64(pFirst, nSingles).slice() };
  }

  /** The weights of one decision (see `weigh` in kernel.wat, whose memory layout the arguments follow). */
  weigh(
    nCrit: number, pBase: number, pActive: number, nActive: number, pAddFrom: number, pAddIdx: number, pAddVal: number,
    pScaleFrom: number, pScaleIdx: number, pScaleVal: number, continuity: boolean, contWeight: number, pRaw: number, pScale: number, pW: number,
  ): number {
    if (this.wasm) return this.wasm.weigh(nCrit, pBase, pActive, nActive, pAddFrom, pAddIdx, pAddVal, pScaleFrom, pScaleIdx, pScaleVal, continuity ? 1 : 0, contWeight, pRaw, pScale, pW);
    const n = nCrit + (continuity ? 1 : 0);
    const base = this.f64(pBase, nCrit);
    const raw = this.f64(pRaw, n);
    const scale = this.f64(pScale, nCrit);
    const w = this.f64(pW, n);
    const active = this.i32(pActive, nActive);
    const addFrom = new Int32Array(this.buffer, pAddFrom);
    const addIdx = new Int32Array(this.buffer, pAddIdx);
    const addVal = new Float64Array(this.buffer, pAddVal);
    const scaleFrom = new Int32Array(this.buffer, pScaleFrom);
    const scaleIdx = new Int32Array(this.buffer, pScaleIdx);
    const scaleVal = new Float64Array(this.buffer, pScaleVal);
    for (let i = 0; i < nCrit; i++) {
      raw[i] = base[i]!;
      scale[i] = 1;
    }
    for (let k = 0; k < nActive; k++) {
      const rule = active[k]!;
      for (let e = addFrom[rule]!; e < addFrom[rule + 1]!; e++) raw[addIdx[e]!] = raw[addIdx[e]!]! + addVal[e]!;
      for (let e = scaleFrom[rule]!; e < scaleFrom[rule + 1]!; e++) scale[scaleIdx[e]!] = scale[scaleIdx[e]!]! * scaleVal[e]!;
    }
    for (let i = 0; i < nCrit; i++) raw[i] = Math.max(0, raw[i]!) * scale[i]!;
    if (continuity) raw[nCrit] = contWeight;
    let total = 0;
    for (let i = 0; i < n; i++) total += raw[i]!;
    total = total || 1;
    for (let i = 0; i < n; i++) w[i] = raw[i]! / total;
    return n;
  }

  /**
   * The stacks' rows of a decision from the single tools' rows (see `stackRows` in kernel.wat,
   * whose memory layout the arguments follow; kinds: 0 capability, 1 cost, 2 continuity).
   */
  stackRows(n: number, rows: number, singles: number, pR: number, pKinds: number, pMembers: number): void {
    if (this.wasm) return this.wasm.stackRows(n, rows, singles, pR, pKinds, pMembers);
    const ratings = this.f64(pR, rows * n);
    const kinds = this.i32(pKinds, n);
    const members = this.i32(pMembers, rows);
    for (let r = singles; r < rows; r++) {
      for (let i = 0; i < n; i++) {
        const kind = kinds[i]!;
        let v = 0;
        let first = true;
        for (let t = 0; t < singles; t++) {
          if ((members[r]! & (1 << t)) === 0) continue;
          const x = ratings[t * n + i]!;
          if (first) {
            v = x;
            first = false;
          } else if (kind === 0) v = x > v ? x : v;
          else if (kind === 1) v = x < v ? x : v;
          else v += x;
        }
        ratings[r * n + i] = kind === 2 ? Math.min(5, v) : v;
      }
    }
  }

  /** The decision (see `decide` in kernel.wat, whose memory layout the arguments follow). */
  decide(
    n: number, rows: number, singles: number, pW: number, pR: number, pSeams: number, perSeam: number,
    pMembers: number, excluded: number, pReqIndex: number, pReqMin: number, nReq: number, points: number, margin: number,
  ): number {
    if (this.wasm) return this.wasm.decide(n, rows, singles, pW, pR, pSeams, perSeam, pMembers, excluded, pReqIndex, pReqMin, nReq, points, margin);
    const w = this.f64(pW, n);
    const ratings = this.f64(pR, rows * n);
    const seams = this.f64(pSeams, rows);
    const members = this.i32(pMembers, rows);
    const reqIndex = this.i32(pReqIndex, nReq);
    const reqMin = this.f64(pReqMin, nReq);
    const best = new BestRows();
    for (let r = 0; r < rows; r++) {
      if ((members[r]! & excluded) !== 0) continue;
      const o = r * n;
      let s = 0;
      for (let i = 0; i < n; i++) s += w[i]! * ratings[o + i]!;
      let fixed = seams[r]! * perSeam;
      for (let k = 0; k < nReq; k++) {
        const rating = ratings[o + reqIndex[k]!]!;
        const min = reqMin[k]!;
        if (rating < min) fixed += (min - rating) * points;
      }
      best.offer(r, Math.max(0, (s * 100) / 5 - fixed), r < singles);
    }
    return best.pick(margin);
  }
}

let shared: KernelSpace | undefined;

/** The one kernel of this process: WebAssembly where available (one instance, one memory). */
export function kernelSpace(): KernelSpace {
  shared ??= new KernelSpace();
  return shared;
}

/** The WebAssembly loop, or undefined where WebAssembly is unavailable. */
export function sampleWasm(x: SamplerInput): SamplerOutput | undefined {
  return kernelSpace().sample(x);
}

/** Pruning in WebAssembly, or undefined where WebAssembly is unavailable. */
export function pruneWasm(x: PruneInput): Uint8Array | undefined {
  return kernelSpace().prune(x);
}

export function prune(x: PruneInput): Uint8Array {
  return pruneWasm(x) ?? pruneJs(x);
}

export function sample(x: SamplerInput): SamplerOutput {
  return sampleWasm(x) ?? sampleJs(x);
}
