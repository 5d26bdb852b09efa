import { readFile } from 'node:fs/promises';
import { defineConfig } from 'vitest/config';
import { viteWat } from './scripts/wat.mjs';

// data/seed/digest.md is imported as its text, as esbuild's text loader does in the build.
const markdownText = {
  name: 'markdown-text',
  async load(id: string) {
    return id.endsWith('.md') ? `export default ${JSON.stringify(await readFile(id, 'utf8'))};` : undefined;
  },
};

export default defineConfig({
  // src/engine/sampler.wat is imported as its WebAssembly binary, as in the build.
  plugins: [viteWat, markdownText],
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests spawn the built CLI: build it once, before any test runs.
    globalSetup: ['tests/setup/build.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
