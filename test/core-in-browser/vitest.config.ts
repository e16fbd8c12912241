import { defineProject } from 'vitest/config';

/**
 * runtime/core bundled for browsers and run in Debian's Chromium. A project of its own: the
 * e2e project's global setup starts the whole app (`pnpm start`), which this does not need.
 */
export default defineProject({
  test: {
    name: 'core-in-browser',
    environment: 'node',
    include: ['*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
