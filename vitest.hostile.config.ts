import { defineConfig } from 'vitest/config';

/** The hostile-input property test on its own (not yet part of npm test: it still finds bugs). */
export default defineConfig({
  test: { include: ['test/hostile-input.test.ts'], globalSetup: ['test/support/global-setup.ts'], testTimeout: 300_000, hookTimeout: 180_000 },
});
