import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { artifact, launchChromium } from './support/chromium.ts';

const repo = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const example = (name: string) => repo(`schema/examples/${name}.json`);
const broken = (name: string) => repo(`schema/fixtures/invalid/${name}.json`);
const nodeIds = (file: string) =>
  (JSON.parse(readFileSync(file, 'utf8')).nodes as Array<{ id: string }>).map((n) => n.id);

let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
  pageErrors = [];
  // Script errors and CSP violations show up here: a page that works has none.
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  await page.goto(inject('baseUrl'));
});
afterEach(async () => {
  await page.close();
  expect(pageErrors).toEqual([]);
});

async function open(file: string) {
  await page.setInputFiles('[data-testid="open-file-input"]', file);
}

async function canvasNodeIds(): Promise<string[]> {
  return page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
}

describe('the editor, served by pnpm start, in Chromium', () => {
  it('opens an example with the file picker and shows every step on the canvas', async () => {
    await open(example('cold-mail'));
    await expect.poll(canvasNodeIds).toEqual(nodeIds(example('cold-mail')));
    expect(await page.getByTestId('sequence-name').textContent()).toBe(
      '콜드메일: 첫 인사부터 미팅 제안까지',
    );
    await page.getByTestId('no-problems').waitFor();
    const welcome = page.locator('.react-flow__node[data-id="welcome"]');
    expect(await welcome.textContent()).toContain('넛지 김지훈입니다');
    await page.screenshot({ path: artifact('cold-mail.png') });
  });

  it('lays out a file whose nodes have no position, without overlaps, with labelled branch handles', async () => {
    await open(example('onboarding'));
    await expect.poll(canvasNodeIds).toHaveLength(13);
    const boxes = await page
      .locator('.react-flow__node')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1)) {
        const overlap =
          a.x < b.x + b.width &&
          b.x < a.x + a.width &&
          a.y < b.y + b.height &&
          b.y < a.y + a.height;
        expect(overlap).toBe(false);
      }
    const handles = page.locator(
      '.react-flow__node[data-id="opened-welcome"] [data-testid="step-handle"]',
    );
    expect(
      await handles.evaluateAll((els) => els.map((el) => el.getAttribute('data-handle-id'))),
    ).toEqual(['met', 'timeout']);
    expect(await page.locator('.react-flow__edge').count()).toBe(12);
    await page.screenshot({ path: artifact('onboarding-laid-out.png') });
  });

  it('lists the problems of a broken file; clicking one selects its node', async () => {
    await open(broken('unknown-data-property'));
    const problem = page.locator('[data-testid="problem"][data-node-id="welcome"]');
    await problem.waitFor();
    expect(await problem.getAttribute('data-code')).toBe('unknown_property');
    expect(await page.getByTestId('error-count').textContent()).toBe('1 error');
    const node = page.locator('.react-flow__node[data-id="welcome"]');
    expect(await node.getAttribute('class')).not.toContain('selected');
    expect(await node.getByTestId('step').getAttribute('data-state')).toBe('error');
    await problem.click();
    await expect.poll(async () => node.getAttribute('class')).toContain('selected');
    await page.screenshot({ path: artifact('broken-file-problem-selected.png') });
  });

  it('selects the edge that an edge problem names', async () => {
    await open(broken('cycle'));
    const problem = page.locator('[data-testid="problem"][data-edge-id="e7"]');
    expect(await problem.getAttribute('data-code')).toBe('cycle');
    await problem.click();
    const edge = page.locator('[data-testid="rf__edge-e7"]');
    await expect.poll(async () => edge.getAttribute('class')).toContain('selected');
  });

  it('draws an edge from a handle its step lacks, on a red stray handle, and selects it', async () => {
    await open(broken('handle-unknown'));
    const stray = page.locator(
      '.react-flow__node[data-id="check"] [data-testid="step-handle"][data-stray="true"]',
    );
    expect(await stray.getAttribute('data-handle-id')).toBe('maybe');
    const problem = page.locator('[data-testid="problem"][data-edge-id="e5"]');
    expect(await problem.getAttribute('data-code')).toBe('unknown_handle');
    await problem.click();
    await expect
      .poll(async () => page.getByTestId('rf__edge-e5').getAttribute('class'))
      .toContain('selected');
    await page.screenshot({ path: artifact('stray-handle-selected.png') });
  });

  it('opens a file dropped on the page', async () => {
    const text = readFileSync(example('contract-renewal'), 'utf8');
    await page.evaluate(async (content) => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([content], 'contract-renewal.json', { type: 'application/json' }),
      );
      for (const type of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
        );
    }, text);
    await expect.poll(canvasNodeIds).toEqual(nodeIds(example('contract-renewal')));
  });

  it('says where a file that is not JSON breaks, instead of failing', async () => {
    await page.setInputFiles('[data-testid="open-file-input"]', {
      name: 'typo.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{\n  "format": "nudge.sequence/v1",\n  "name": "x",\n}\n'),
    });
    const error = page.getByTestId('load-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/line 4/);
  });

  it('speaks Korean, and remembers the choice', async () => {
    await open(example('onboarding'));
    await page.getByTestId('language-ko').click();
    await expect.poll(async () => page.getByTestId('problems').textContent()).toContain('문제');
    await expect.poll(async () => page.locator('html').getAttribute('lang')).toBe('ko');
    await page.screenshot({ path: artifact('korean.png') });
    await page.reload();
    await expect.poll(async () => page.getByTestId('problems').textContent()).toContain('문제');
  });
});
