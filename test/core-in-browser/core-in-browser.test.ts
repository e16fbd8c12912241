/**
 * runtime/core runs in browsers exactly as in Node (DESIGN.md: "it runs in the browser … exactly
 * as it runs in the worker"): bundled by Vite for browsers with no Node polyfills, loaded in
 * Debian's Chromium, it simulates the examples to the same timeline, step for step, as Node.
 * Zones, holidays and Liquid all run inside, so a difference in any of them shows here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
// By path: test/ does not depend on @nudge/runtime, and this is the very source bundled below.
import { type SimulateOptions, simulate } from '@nudge/runtime/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.ts';
import { type Bundle, bundleCore, nodeReferences } from './bundle.ts';
import { serveFiles } from './serve.ts';

const example = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../../schema/examples/${name}.json`, import.meta.url), 'utf8'),
  ) as SimulateOptions['sequence'];

const minjun = {
  id: 'c-minjun',
  name: '김민준',
  email: 'minjun@example.com',
  company: '한빛상사',
  title: '영업팀장',
  timezone: 'Asia/Seoul',
  owner: { name: '김지훈', email: 'jihoon@nudge.example' },
  attributes: { plan: '프로' },
};
const dana = {
  id: 'c-dana',
  name: 'Dana Whitfield',
  email: 'dana@acme.example',
  company: 'Acme & Sons',
  title: 'Head of Sales',
  timezone: 'America/Los_Angeles',
  owner: { name: 'Mina', email: 'mina@nudge.example' },
  attributes: { first_name: 'Dana', plan: 'trial' },
};

/** Weekends, 설날 and US holidays, a DST change, opens, clicks, a reply, a split, a timeout. */
const scenarios: Record<string, SimulateOptions & { status: string }> = {
  'cold-mail, enrolled the Friday evening before 설날, through the 3·1절 substitute holiday': {
    sequence: example('cold-mail'),
    contact: minjun,
    start: '2026-02-13T19:30:00+09:00',
    until: '2026-12-31T00:00:00Z',
    events: [
      { at: '2026-02-19T10:12:00+09:00', type: 'opened', node: 'welcome' },
      { at: '2026-02-24T09:30:00+09:00', type: 'clicked', node: 'guide' },
    ],
    status: 'completed',
  },
  'cold-mail, ended by a reply to the guide': {
    sequence: example('cold-mail'),
    contact: minjun,
    start: '2026-01-03T14:00:00+09:00',
    until: '2027-01-03T00:00:00Z',
    events: [
      { at: '2026-01-05T10:12:00+09:00', type: 'opened', node: 'welcome' },
      { at: '2026-01-12T11:05:00+09:00', type: 'replied', node: 'guide' },
    ],
    status: 'replied',
  },
  'cold-mail over 추석, a contact with no zone of its own, stopped while waiting': {
    sequence: example('cold-mail'),
    contact: { name: '이서연', email: 'seoyeon@example.com', company: '다온' },
    start: '2026-09-23T16:00:00Z',
    until: '2026-10-05T00:00:00Z',
    status: 'active',
  },
  'onboarding across the DST change, opened: tips, then the split': {
    sequence: example('onboarding'),
    contact: dana,
    start: '2026-03-06T15:00:00-08:00',
    until: '2026-06-01T00:00:00Z',
    events: [{ at: '2026-03-09T08:00:00-07:00', type: 'opened', node: 'welcome' }],
    enrollmentId: 'enrollment-42',
    status: 'completed',
  },
  'onboarding, never opened, over Memorial Day: the bump and a task': {
    sequence: example('onboarding'),
    contact: { ...dana, id: 'c-lee', name: 'Lee', timezone: 'America/New_York' },
    start: '2026-05-22T16:45:00-04:00',
    until: '2026-07-01T00:00:00Z',
    status: 'completed',
  },
};

interface CoreWindow {
  nudgeCore: { simulate: typeof simulate };
}

let bundle: Bundle;
let server: Awaited<ReturnType<typeof serveFiles>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  bundle = await bundleCore();
  const gzipped = [...bundle.files.values()].reduce((sum, code) => sum + gzipSync(code).length, 0);
  console.log(
    `runtime/core for browsers: ${kib(bundle.bytes)} minified, ${kib(gzipped)} gzipped, ${bundle.files.size} file(s)`,
  );
});

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

describe('runtime/core bundled for browsers', () => {
  it('holds no import or require of a Node built-in, nor a stub for one', () => {
    for (const [name, code] of bundle.files) expect(nodeReferences(code), name).toEqual([]);
    expect(nodeReferences('import{readFileSync as r}from"node:fs";require("path")')).toEqual([
      'from"node:fs"',
      'require("path")',
    ]);
  });

  it('fails to build when anything imports a Node built-in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nudge-core-bundle-'));
    try {
      const entry = join(dir, 'entry.js');
      writeFileSync(
        entry,
        'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n',
      );
      await expect(bundleCore({ entry, quiet: true })).rejects.toThrow(
        /imports the Node built-in "node:fs"/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('runtime/core in Chromium', () => {
  beforeAll(async () => {
    server = await serveFiles(bundle.files);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(server.url);
    // A module script, as the editor loads its code; the tests reach it through window.
    await page.addScriptTag({
      type: 'module',
      content: `import * as core from ${JSON.stringify(server.url + bundle.entry)}; window.nudgeCore = core;`,
    });
    await page.waitForFunction(() => 'nudgeCore' in window);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(Object.keys(scenarios))('simulates %s as Node does', async (name) => {
    const { status, ...options } = scenarios[name] as SimulateOptions & { status: string };
    const inNode = JSON.parse(JSON.stringify(simulate(options)));
    const inChromium = JSON.parse(
      await page.evaluate(
        (options) => JSON.stringify((window as unknown as CoreWindow).nudgeCore.simulate(options)),
        options,
      ),
    );
    expect(inChromium).toEqual(inNode);
    expect(inNode.status).toBe(status);
    expect(inNode.timeline.length).toBeGreaterThan(2);
    expect(pageErrors).toEqual([]);
  });
});
