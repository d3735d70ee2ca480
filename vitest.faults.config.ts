import { defineConfig } from 'vitest/config';

/** Fault tests (npm run test:faults): slow and disruptive, so one file at a time, outside `npm test`. */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
