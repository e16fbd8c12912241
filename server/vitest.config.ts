import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    environment: 'node',
    include: ['src/**/*.test.ts'],
    // CLI tests start real child processes (tsx compiles on the fly): give them room.
    testTimeout: 30_000,
  },
});
