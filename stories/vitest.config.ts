import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';
// A relative import on purpose: Vitest bundles a config's relative imports, while a workspace
// package would be loaded by Node 20 as raw TypeScript.
import { CHROMIUM, CHROMIUM_ARGS } from '../test/support/chromium.ts';

/**
 * Every story is a test (its play function holds the assertions), run in Debian's Chromium
 * through Playwright. We never download a browser: when /usr/bin/chromium is missing, this
 * project runs one test that fails and says how to install it, instead of skipping.
 * The browser and its flags are shared with the end-to-end tests (test/support/chromium.ts).
 */
const dirname = path.dirname(fileURLToPath(import.meta.url));

const inChromium = defineProject({
  plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
  // Found late (the editor loads the step search and the forms lazily), these would make Vite
  // optimize them mid-run and reload the page under a test.
  optimizeDeps: {
    include: [
      '@nudge/editor > cmdk',
      '@nudge/editor > @codemirror/state',
      '@nudge/editor > @codemirror/view',
      '@nudge/editor > @codemirror/commands',
      '@nudge/editor > @codemirror/language',
      '@nudge/editor > @codemirror/autocomplete',
      '@nudge/editor > @codemirror/lang-liquid',
      // Preview and Simulate load runtime core when first opened.
      '@nudge/editor > @nudge/runtime > liquidjs',
      '@nudge/editor > @nudge/runtime > luxon',
      '@nudge/editor > @nudge/runtime > date-holidays',
      '@nudge/editor > @nudge/runtime > html-to-text',
      '@nudge/editor > @nudge/runtime > juice/client',
      '@nudge/editor > @tiptap/core',
      '@nudge/editor > @tiptap/react',
      '@nudge/editor > @tiptap/starter-kit',
      '@nudge/editor > @tiptap/extension-image',
    ],
  },
  test: {
    name: 'stories',
    // The first story to open Preview or Simulate loads runtime core into the page.
    testTimeout: 30_000,
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
      }),
      instances: [{ browser: 'chromium' }],
      screenshotFailures: false,
    },
  },
});

const chromiumMissing = defineProject({
  test: {
    name: 'stories',
    environment: 'node',
    include: ['chromium-missing.test.ts'],
    env: { NUDGE_CHROMIUM: CHROMIUM },
  },
});

export default existsSync(CHROMIUM) ? inChromium : chromiumMissing;
