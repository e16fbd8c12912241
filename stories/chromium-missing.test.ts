import { expect, test } from 'vitest';

// Runs only when vitest.config.ts finds no Chromium: the stories can't run, and that must fail.
test('Chromium is installed for the stories', () => {
  expect.fail(
    `The stories run in Debian's Chromium at ${process.env.NUDGE_CHROMIUM}, which is missing. ` +
      'Install it with `sudo apt-get install -y chromium` (tests never download a browser).',
  );
});
