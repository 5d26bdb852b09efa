import { readFile } from 'node:fs/promises';
import { defineConfig } from 'vitest/config';

// data/seed/digest.md is imported as its text, as esbuild's text loader does in the build.
const markdownText = {
  name: 'markdown-text',
  async load(id: string) {
    return id.endsWith('.md') ? `export default ${JSON.stringify(await readFile(id, 'utf8'))};` : undefined;
  },
};

export default defineConfig({
  plugins: [markdownText],
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests spawn the built CLI: build it once, before any test runs.
    globalSetup: ['tests/setup/build.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
