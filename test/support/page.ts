import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { launchChromium } from './chromium.ts';

/**
 * The page every builder end-to-end test starts from: one Chromium for the file, a new page
 * (a new browser context, so no working copy of an earlier test is restored) on the started
 * server for each test, and the page's errors collected: a test fails on any uncaught error
 * or console error, unless the test allowed that very one with `allowFailedLoad`.
 *
 * Usage, at the top of a test file:
 *
 *   const builder = builderPage();
 *   it('…', async () => {
 *     const { page } = builder;
 *     await builder.newSequence('Trial follow-up');
 *   });
 *
 * The helpers are bound to it, so they destructure (`const { nodeIds, panel } = builder`).
 * The locators and helpers use the English UI (the page's locale is en-US); a test that
 * switches to Korean names its controls itself.
 */
export interface BuilderPageOptions {
  /** The browser's locale; the editor's language follows it. Default en-US. */
  locale?: string;
  viewport?: { width: number; height: number };
}

/**
 * A console error the test expects: Chromium's "Failed to load resource" for one answer (its
 * status), or for a request that got none (its network error, e.g. net::ERR_FAILED).
 */
interface AllowedLoad {
  status: number | string;
  path: string;
}

const FAILED_LOAD = /^Failed to load resource: the server responded with a status of (\d+)\b/;
const NO_ANSWER = /^Failed to load resource: (net::ERR_[A-Z_]+)$/;

export class BuilderPage {
  /** The page of the running test (a new one for each test; read it inside the test). */
  page!: Page;
  /** Uncaught page errors and console errors of the running test, not allowed ones. */
  readonly errors: string[] = [];
  private allowed: AllowedLoad[] = [];

  /** @internal Opens the page for the next test. */
  async open(browser: Browser, options: BuilderPageOptions): Promise<void> {
    this.errors.length = 0;
    this.allowed = [];
    this.page = await browser.newPage({
      viewport: options.viewport ?? { width: 1400, height: 900 },
      locale: options.locale ?? 'en-US',
      acceptDownloads: true,
    });
    this.page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
    this.page.on('console', (message) => {
      if (message.type() === 'error' && !this.isAllowed(message))
        this.errors.push(`console error: ${message.text()} (at ${message.location().url})`);
    });
    await this.page.goto(inject('baseUrl'));
  }

  /**
   * Lets this test's page log Chromium's "Failed to load resource: the server responded with
   * a status of <status>" for a request to exactly `path` (the URL's path, no query), e.g. the
   * 412 of a save conflict the test provokes. Nothing else is allowed: another status, another
   * path, or any other console error still fails the test.
   */
  readonly allowFailedLoad = (status: number, path: string): void => {
    this.allowed.push({ status, path });
  };

  /**
   * Lets this test's page log "Failed to load resource: <error>" (a network error such as
   * net::ERR_INTERNET_DISCONNECTED) for a request to exactly `path`, e.g. one the test aborts
   * with page.route. Nothing else is allowed.
   */
  readonly allowNetworkError = (error: string, path: string): void => {
    this.allowed.push({ status: error, path });
  };

  private isAllowed(message: ConsoleMessage): boolean {
    const failed = FAILED_LOAD.exec(message.text())?.[1];
    const status = failed ? Number(failed) : NO_ANSWER.exec(message.text())?.[1];
    if (status === undefined) return false;
    let path: string;
    try {
      path = new URL(message.location().url).pathname;
    } catch {
      return false;
    }
    return this.allowed.some((allow) => allow.status === status && allow.path === path);
  }

  readonly palette = (): Locator => {
    return this.page.getByRole('region', { name: 'Steps' });
  };

  readonly panel = (): Locator => {
    return this.page.getByRole('region', { name: 'Step settings' });
  };

  /** A step's card on the canvas. */
  readonly node = (id: string): Locator => {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  };

  /** The ids of the steps on the canvas, in the order they are drawn. */
  readonly nodeIds = (): Promise<string[]> => {
    return this.page
      .locator('.react-flow__node')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
  };

  /** The problem count of the toolbar, e.g. "0 errors". */
  readonly errorCount = (): Promise<string | null> => {
    return this.page.getByTestId('error-count').textContent();
  };

  /** A new sequence through the toolbar's dialog; the canvas then holds its entry alone. */
  readonly newSequence = async (name: string): Promise<void> => {
    await this.page.getByRole('button', { name: 'New sequence' }).click();
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    await this.page.getByRole('button', { name: 'Create' }).click();
    await expect.poll(() => this.nodeIds()).toEqual(['start']);
  };

  /** Clicks into a code editor (CodeMirror) of the step settings and types, as a person does. */
  readonly typeInto = async (label: string, text: string): Promise<void> => {
    await this.panel().getByRole('textbox', { name: label, exact: true }).click();
    await this.page.keyboard.type(text);
  };

  /** The sequence the editor holds, as Export downloads it: its file name and text. */
  readonly exported = async (): Promise<{ name: string; text: string }> => {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: 'Export' }).click(),
    ]);
    const path = join(mkdtempSync(join(tmpdir(), 'nudge-export-')), download.suggestedFilename());
    await download.saveAs(path);
    return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
  };

  /** Save, giving the run's API token when asked, until the header says "Saved". */
  readonly saveWithToken = async (): Promise<void> => {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.page.getByLabel('API token', { exact: true }).fill(inject('apiToken'));
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => this.page.locator('header.app__bar').textContent()).toContain('Saved');
  };
}

/**
 * Registers the hooks of a builder test file (call it once, at the top level) and returns
 * the page object its tests share; `.page` is a new page in each test.
 */
export function builderPage(options: BuilderPageOptions = {}): BuilderPage {
  const builder = new BuilderPage();
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    if (!browser) throw new Error('Chromium did not start');
    await builder.open(browser, options);
  });
  afterEach(async () => {
    await builder.page?.close();
    expect(builder.errors).toEqual([]);
  });
  return builder;
}
