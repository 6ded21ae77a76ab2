import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The e2e suite drives one Playground and one Chromium; keep files from fighting over ports and CPU.
    fileParallelism: false,
  },
});
