// WebAssembly text (src/**/*.wat) to a JavaScript module whose default export is the binary:
// `import bytes from './sampler.wat'`. Used by the build (esbuild) and the tests (vitest), so
// the .wat file is the one source and no compiled binary is committed. wabt is a development
// dependency: the published files carry the bytes, not the compiler.
import { readFile } from 'node:fs/promises';
import initWabt from 'wabt';

let wabt;

export async function watToModule(path) {
  wabt ??= await initWabt();
  const mod = wabt.parseWat(path, await readFile(path, 'utf8'));
  try {
    mod.validate();
    const { buffer } = mod.toBinary({});
    const base64 = Buffer.from(buffer).toString('base64');
    // Buffer decodes base64 natively; atob plus a per-byte callback costs a cold run half a millisecond.
    return `export default /* @__PURE__ */ Buffer.from(${JSON.stringify(base64)}, 'base64');\n`;
  } finally {
    mod.destroy();
  }
}

/** esbuild: .wat files load as the module above. */
export const esbuildWat = {
  name: 'wat',
  setup(b) {
    b.onLoad({ filter: /\.wat$/ }, async (args) => ({ contents: await watToModule(args.path), loader: 'js' }));
  },
};

/** Vite and vitest: the same. */
export const viteWat = {
  name: 'wat',
  async load(id) {
    return id.endsWith('.wat') ? await watToModule(id) : undefined;
  },
};
