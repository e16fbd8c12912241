import { defineProject } from 'vitest/config';

/**
 * The repository's documents: every relative link in README.md and docs/ leads somewhere in a
 * clone. A project of its own: the e2e project's global setup starts the whole app, which
 * reading Markdown does not need.
 */
export default defineProject({
  test: {
    name: 'docs',
    environment: 'node',
    include: ['*.test.ts'],
  },
});
