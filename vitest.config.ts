import { defineConfig } from 'vitest/config';

// One run covers every package: each folder with a vitest.config.ts is a project.
export default defineConfig({
  test: {
    projects: ['*/vitest.config.ts', 'test/*/vitest.config.ts'],
  },
});
