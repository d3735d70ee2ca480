import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['domain/**/*.test.ts', 'bench/**/*.test.ts', 'db/**/*.test.ts', 'notifications/**/*.test.ts', 'platform/**/*.test.ts', 'reports/**/*.test.ts', 'runtime/**/*.test.ts', 'api/**/*.test.ts', 'activities/**/*.test.ts', 'test/**/*.test.ts'],
    // Fault tests kill and cut things: they run on their own (npm run test:faults, vitest.faults.config.ts).
    // The hostile-input fuzzer (test/hostile-input.test.ts, >= 10 000 requests, ~10 s) is part of this run.
    exclude: ['test/faults/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // Integration files wait on Temporal and PostgreSQL more than on CPU; each isolates itself.
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
