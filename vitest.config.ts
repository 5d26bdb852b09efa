import { defineConfig } from 'vitest/config';
import { viteWat } from './scripts/wat.mjs';

export default defineConfig({
  // src/engine/sampler.wat is imported as its WebAssembly binary, as in the build.
  plugins: [viteWat],
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests spawn the built CLI: build it once, before any test runs.
    globalSetup: ['tests/setup/build.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
