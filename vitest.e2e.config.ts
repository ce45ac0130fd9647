import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests of the BUILT extension in real headless Chromium (see e2e/README.md). One browser at
 * a time on this 2-core machine: files run one after another.
 */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
    // A failed browser test is not retried: flakiness is a bug to fix, not to hide.
    retry: 0,
  },
});
