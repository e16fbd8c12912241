/**
 * pnpm bench:whatif — the Simulate panel's "what if" (issue 14 §4, §8): 1,000 contacts through
 * a generated 50-step sequence (bench/editor/generate.ts: waits for opens, branches, tasks,
 * exits), each opening, clicking, replying… with the panel's default chances (seeded). Target:
 * under 2 s in the browser.
 *
 * The baseline is the same run in Node, in this process (editor/src/simulate/what-if.ts, the
 * very function the panel's Web Worker runs). The browser side goes through the real page: the
 * production build served by Nudge's server, the file opened, Simulate → What if → Run, in
 * Chromium. It reports the worker's own time for the run (data-ms) and the time from the click
 * to the counts on the canvas (on the first run, clicked at once after opening the panel, the
 * worker's start and warm-up included). Both sides warm up alike (20 contacts) before the runs.
 *
 * Flags: --quick (one run each instead of three). Prints a table, writes bench/out/whatif.json.
 */

import type { Sequence } from '@nudge/schema';
import { validateSequence } from '@nudge/schema';
import { SAMPLE_CONTACTS } from '../editor/src/contacts/samples.ts';
import { whatIf } from '../editor/src/simulate/what-if.ts';
import { startServer } from '../server/src/start.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { buildEditor } from './editor/build.ts';
import { generateSequence } from './editor/generate.ts';
import { printTable, writeResults } from './table.ts';

const RUNS = process.argv.includes('--quick') ? 1 : 3;
const CONTACTS = 1000;
const STEPS = 50;
const TARGET_MS = 2000;
/** The panel's default chances (WhatIfTab.tsx), as fractions. */
const ODDS = {
  opened: 0.3,
  clicked: 0.1,
  replied: 0.05,
  delivered: 0,
  bounced: 0.01,
  unsubscribed: 0.01,
};

const sequence = generateSequence(STEPS) as unknown as Sequence;
const { errors } = validateSequence(sequence);
if (errors.length > 0) throw new Error(`the generated sequence is invalid: ${errors[0]?.message}`);
const text = `${JSON.stringify(sequence, null, 2)}\n`;
// The panel starts "what if" at the next full hour; so does this baseline.
const start = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000).toISOString();

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
};

console.log(`"what if" in Node: ${CONTACTS} contacts × ${STEPS} steps…`);
const node: number[] = [];
let nodeReached: Record<string, number> = {};
// As the panel warms its worker up when it opens (client.ts warmUp): 20 contacts, thrown away.
whatIf({
  sequence,
  contacts: [{ id: 'warm-up', email: 'warm-up@example.com' }],
  count: 20,
  odds: { opened: 0.5, replied: 0.2 },
  start,
  days: 30,
});
for (let run = 0; run < RUNS; run++) {
  const result = whatIf({
    sequence,
    contacts: SAMPLE_CONTACTS.map((s) => s.contact),
    count: CONTACTS,
    odds: ODDS,
    start,
    days: 60,
    seed: 1,
  });
  if (result.failed > 0) throw new Error(`${result.failed} runs failed: ${result.firstError}`);
  node.push(result.ms);
  nodeReached = result.reached;
}

console.log('building the editor…');
const built = await buildEditor();
const server = await startServer({ port: 0, editorDir: built.dir });
const browser = await launchChromium();
const worker: number[] = [];
const clickToCounts: number[] = [];
let browserReached: Record<string, number> = {};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}/`);
  await page.locator('[data-testid="open-file-input"]').setInputFiles({
    name: `generated-${STEPS}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await page
    .locator('.react-flow__node')
    .nth(STEPS - 1)
    .waitFor({ timeout: 60_000 });
  await page.getByTestId('simulate-button').click();
  await page.getByTestId('simulate-tab-whatIf').click();
  await page.getByTestId('what-if-count').fill(String(CONTACTS));
  for (let run = 0; run < RUNS; run++) {
    console.log(`"what if" in Chromium, run ${run + 1} of ${RUNS}…`);
    const began = Date.now();
    await page.getByTestId('what-if-run').click();
    await page.waitForFunction(
      (run) =>
        document.querySelector('[data-testid="what-if-result"]')?.getAttribute('data-run') ===
        String(run),
      run + 1,
      { timeout: 120_000, polling: 10 },
    );
    clickToCounts.push(Date.now() - began);
    worker.push(Number(await page.getByTestId('what-if-result').getAttribute('data-ms')));
  }
  browserReached = Object.fromEntries(
    await page
      .locator('[data-testid="step-reached"]')
      .evaluateAll((els) =>
        els.map((el) => [
          el.closest('.react-flow__node')?.getAttribute('data-id') ?? '',
          Number(el.getAttribute('data-count')),
        ]),
      ),
  );
  if (pageErrors.length > 0) throw new Error(`the page failed: ${pageErrors.join('; ')}`);
} finally {
  await browser.close();
  await server.close();
  built.remove();
}

// The same run gives the same counts in both places (the same seed, the same core).
const differing = Object.keys(nodeReached).filter(
  (id) => (browserReached[id] ?? 0) !== nodeReached[id],
);
const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
printTable(
  ['measure', 'Chromium (worker)', 'Node (baseline)', 'ratio', 'target'],
  [
    [
      `what if, ${CONTACTS} contacts × ${STEPS} steps: the run (median of ${RUNS})`,
      ms(median(worker)),
      ms(median(node)),
      `${(median(worker) / median(node)).toFixed(2)}×`,
      `< ${ms(TARGET_MS)} ${median(worker) < TARGET_MS ? 'met' : 'MISSED'}`,
    ],
    [
      'click on Run to the counts on the canvas: first run, right after opening the panel (core still loading), then the next',
      `${ms(clickToCounts[0] ?? Number.NaN)}, then ${ms(median(clickToCounts.slice(1)))}`,
      '',
      '',
      `< ${ms(TARGET_MS)} ${(clickToCounts[0] ?? Infinity) < TARGET_MS ? 'met' : 'MISSED'}`,
    ],
    [
      'steps whose count differs between Chromium and Node',
      String(differing.length),
      '',
      '',
      differing.length === 0 ? '0 met' : `0 MISSED (${differing.slice(0, 3).join(', ')})`,
    ],
  ],
);
const path = writeResults('whatif', {
  contacts: CONTACTS,
  steps: STEPS,
  runs: RUNS,
  chromiumWorkerMs: worker,
  chromiumClickToCountsMs: clickToCounts,
  nodeMs: node,
  ratio: median(worker) / median(node),
  targetMs: TARGET_MS,
  countsDiffer: differing,
});
console.log(`wrote ${path}`);
