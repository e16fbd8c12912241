import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // CLI tests start real child processes (tsx compiles on the fly): give them room.
    testTimeout: 30_000,
    // One PostgreSQL per run for the API's tests (DATABASE_URL, else embedded): a path, as a
    // config file can't import a workspace package's TypeScript.
    globalSetup: ['../runtime/src/worker/db/postgres.global-setup.ts'],
  },
});
