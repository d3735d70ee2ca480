import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'db/**/*.test.ts', 'api/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Integration files wait on Temporal and PostgreSQL more than on CPU; each isolates itself.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
