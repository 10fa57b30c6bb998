import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
    // dist/ built from the sources under test, once per run (the process tests run it).
    globalSetup: ['./tests/support/build-once.ts'],
    setupFiles: ['./tests/support/remove-temp-dirs.ts'],
    reporters: ['default', './tests/support/closing-line-reporter.ts'],
  },
});
