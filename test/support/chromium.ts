import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';

/**
 * The browser every browser test uses (these end-to-end tests, and the stories through
 * stories/vitest.config.ts): Debian's Chromium (`apt-get install -y chromium`); NUDGE_CHROMIUM
 * points elsewhere. Tests never download a browser, and never skip for lack of one.
 */
export const CHROMIUM = process.env.NUDGE_CHROMIUM || '/usr/bin/chromium';

/**
 * No sandbox (CI runs as root), and none of Chromium's own background connections: they are
 * refused on these machines, and it stalls on them.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium, or fails (never skips) with what to do about it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set NUDGE_CHROMIUM. Browser tests do not skip.`,
    );
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Where screenshots go (git-ignored). */
export function artifact(name: string): string {
  const dir = fileURLToPath(new URL('../artifacts/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  return `${dir}${name}`;
}
