import { defineProject } from 'vitest/config';

// End-to-end: the real `pnpm start` (editor build + server) and Debian's Chromium.
export default defineProject({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['*.test.ts'],
    globalSetup: ['./support/start-nudge.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
