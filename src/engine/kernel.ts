// The sensitivity sampler in WebAssembly (kernel.wat). The TypeScript of sensitivity.ts, which
// applies decideTools to each weighting, is the reference: the tests hold the kernel to it, and
// it samples wherever WebAssembly is missing (`sampleInWasm` then returns undefined).
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

interface Kernel {
  sample(
    n: number, rows: number, singles: number, samples: number, seed: number,
    lo: number, span: number, margin: number, baseline: number,
    pBase: number, pM: number, pFixed: number, pLive: number, pF: number, pFirst: number,
  ): number;
  memory: WebAssembly.Memory;
}

let kernel: Kernel | null | undefined;

/**
 * The sampling loop (see `sample` in kernel.wat), or undefined without WebAssembly. Its memory:
 * f64 arrays first (8-byte aligned), base[n], m[rows*n], fixed[rows], f[n], first[singles], then
 * live[rows] bytes (every row takes part).
 */
export function sampleInWasm(x: SamplerInput): SamplerOutput | undefined {
  if (kernel === undefined) {
    try {
      kernel = new WebAssembly.Instance(new WebAssembly.Module(wasmBytes)).exports as unknown as Kernel;
    } catch {
      kernel = null; // no WebAssembly in this Node (--jitless)
    }
  }
  if (!kernel) return undefined;
  const { n, nRows, nSingles } = x;
  const bytes = 8 * (n + nRows * n + nRows + n + nSingles) + nRows;
  if (bytes > kernel.memory.buffer.byteLength) kernel.memory.grow(Math.ceil((bytes - kernel.memory.buffer.byteLength) / 65536));
  const f64 = (at: number, length: number) => new Float64Array(kernel!.memory.buffer, at, length);
  const pBase = 0;
  const pM = pBase + 8 * n;
  const pFixed = pM + 8 * nRows * n;
  const pF = pFixed + 8 * nRows;
  const pFirst = pF + 8 * n;
  const pLive = pFirst + 8 * nSingles;
  f64(pBase, n).set(x.base);
  f64(pM, nRows * n).set(x.m);
  f64(pFixed, nRows).set(x.fixed);
  f64(pFirst, nSingles).fill(0);
  new Uint8Array(kernel.memory.buffer, pLive, nRows).fill(1);
  const same = kernel.sample(n, nRows, nSingles, x.samples, x.seed >>> 0, x.lo, x.span, x.margin, x.baselineRow, pBase, pM, pFixed, pLive, pF, pFirst);
  return { same, firstCount: f64(pFirst, nSingles).slice() };
}
