// The engine's two hot loops in WebAssembly (kernel.wat): the sensitivity sampler and the decision
// that flips and the roadmap re-run. The TypeScript of score.ts is the reference: the tests hold
// the kernel to it, and it decides wherever WebAssembly is missing (`kernelSpace()` is then
// undefined).
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

interface Exports {
  stackRows(n: number, rows: number, singles: number, pR: number, pKinds: number, pMembers: number): void;
  sample(
    n: number, rows: number, singles: number, samples: number, seed: number,
    lo: number, span: number, margin: number, baseline: number,
    pBase: number, pM: number, pFixed: number, pLive: number, pF: number, pFirst: number,
  ): number;
  decide(
    n: number, rows: number, singles: number, pW: number, pR: number, pSeams: number, perSeam: number,
    pMembers: number, excluded: number, pReqIndex: number, pReqMin: number, nReq: number, points: number, margin: number,
  ): number;
  weigh(
    nCrit: number, pBase: number, pActive: number, nActive: number, pAddFrom: number, pAddIdx: number, pAddVal: number,
    pScaleFrom: number, pScaleIdx: number, pScaleVal: number, continuity: number, contWeight: number, pRaw: number, pScale: number, pW: number,
  ): number;
  memory: WebAssembly.Memory;
}

/**
 * The kernel's memory and functions. Regions are handed out in order and kept; `scratch` is one
 * region reused by every call that needs room only for its duration. Views must be made again
 * after an `alloc`, which may grow the memory.
 */
export class KernelSpace {
  private used = 0;
  private scratchAt = 0;
  private scratchSize = 0;

  constructor(readonly wasm: Exports) {}

  /** The memory's current buffer: views made on an earlier one are stale. */
  get memory(): ArrayBuffer {
    return this.wasm.memory.buffer;
  }

  /** Reserves bytes (8-byte aligned) and returns their offset. */
  alloc(bytes: number): number {
    const at = this.used;
    this.used += Math.ceil(bytes / 8) * 8;
    const size = this.memory.byteLength;
    if (this.used > size) this.wasm.memory.grow(Math.ceil((this.used - size) / 65536));
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
    return new Float64Array(this.memory, offset, length);
  }

  i32(offset: number, length: number): Int32Array {
    return new Int32Array(this.memory, offset, length);
  }

  u8(offset: number, length: number): Uint8Array {
    return new Uint8Array(this.memory, offset, length);
  }

  /**
   * The sampling loop (see `sample` in kernel.wat). Its memory, in the scratch region: f64 arrays
   * first (8-byte aligned), base[n], m[rows*n], fixed[rows], f[n], first[singles], then live[rows]
   * bytes (every row takes part).
   */
  sample(x: SamplerInput): SamplerOutput {
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
    this.f64(pFirst, nSingles).fill(0);
    this.u8(pLive, nRows).fill(1);
    const same = this.wasm.sample(n, nRows, nSingles, x.samples, x.seed >>> 0, x.lo, x.span, x.margin, x.baselineRow, pBase, pM, pFixed, pLive, pF, pFirst);
    return { same, firstCount: this.f64(pFirst, nSingles).slice() };
  }
}

let shared: KernelSpace | null | undefined;

/** The one kernel of this process (one instance, one memory), or undefined without WebAssembly. */
export function kernelSpace(): KernelSpace | undefined {
  if (shared === undefined) {
    try {
      shared = new KernelSpace(new WebAssembly.Instance(new WebAssembly.Module(wasmBytes)).exports as unknown as Exports);
    } catch {
      shared = null; // no WebAssembly in this Node (--jitless): the engine's TypeScript decides
    }
  }
  return shared ?? undefined;
}
