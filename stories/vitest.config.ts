import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';

/**
 * Every story is a test (its play function holds the assertions), run in Debian's Chromium
 * through Playwright. We never download a browser: when /usr/bin/chromium is missing, this
 * project runs one test that fails and says how to install it, instead of skipping.
 * NUDGE_CHROMIUM overrides the path (e.g. to see that failure).
 */
const CHROMIUM = process.env.NUDGE_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  // Without these Chromium's own background connections are refused here and it stalls.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const dirname = path.dirname(fileURLToPath(import.meta.url));

const inChromium = defineProject({
  plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
  test: {
    name: 'stories',
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
