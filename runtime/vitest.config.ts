import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'runtime',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // One PostgreSQL per run for the worker's tests (DATABASE_URL, else embedded).
    globalSetup: ['src/worker/db/postgres.global-setup.ts'],
  },
});
