import { defineProject } from 'vitest/config';

/**
 * The editor's production build, checked against its budget: what a page's first load
 * fetches, and the compressed copies the server sends. A project of its own: it builds the
 * editor itself, into a temporary folder, and needs no server (the e2e project's setup starts
 * `pnpm start`).
 */
export default defineProject({
  test: {
    name: 'bundle',
    environment: 'node',
    include: ['*.test.ts'],
    hookTimeout: 180_000,
  },
});
