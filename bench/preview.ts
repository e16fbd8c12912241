/**
 * pnpm bench:preview — the Preview's speed in Chromium (issue 14 §8), typing in the Body of a
 * 5 KB HTML email, one key at a time, against a same-run baseline: the same keystrokes with the
 * Preview closed, to the next paint (Event Timing), i.e. what a keystroke costs the editor.
 *
 * - the preview's own work after a keystroke (target p95 ≤ 30 ms): its User Timing entries
 *   (editor/src/preview/timed.ts: core's render, the empty variables, the links, the
 *   unsubscribe links) from that key to the next, summed;
 * - keystroke → next paint with the Preview open (it renders as a deferred value);
 * - keystroke (keydown, capture) → the preview's frame loaded with the new body: the editor's
 *   work, the preview's, React's commit and the browser parsing the frame.
 *
 * A production build served by Nudge's own server. Flags: --quick (one run instead of three).
 * Prints a table and writes bench/out/preview.json. Needs Chromium (/usr/bin/chromium, or
 * NUDGE_CHROMIUM).
 */
import { loadavg } from 'node:os';
import { validateSequence } from '@nudge/schema';
import { startServer } from '../server/src/start.ts';
import { launchChromium } from '../test/support/chromium.ts';
import { buildEditor } from './editor/build.ts';
import {
  interactionTimes,
  openSequence,
  recordInteractions,
  UNREPORTED_MS,
  waitForQuiet,
} from './editor/page.ts';
import { printTable, writeResults } from './table.ts';

const RUNS = process.argv.includes('--quick') ? 1 : 3;
const KEYS = 20;
const TARGET_MS = 30;

/** A welcome email of about 5 KB: styled Korean paragraphs, merge variables and links. */
function fiveKilobyteEmail(): string {
  const parts = [
    '<style>p{font-size:15px;line-height:1.6;color:#1e293b}.cta{background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px}</style>',
    '<h1>{{ 고객명 | default: "고객" }}님, 환영합니다</h1>',
  ];
  let i = 0;
  while (parts.join('').length < 5000) {
    i += 1;
    parts.push(
      `<p>${i}. {{ contact.company | default: "귀사" }}의 영업 팀이 넛지로 후속 연락을 자동화하는 방법을 안내합니다. 담당자 {{ owner.name | default: "담당자" }}가 도와드립니다.</p>`,
      `<p><a class="cta" href="https://nudge.example/guide/${i}?c={{ contact.id }}">안내 ${i} 보기</a></p>`,
    );
  }
  return parts.join('\n');
}

const body = fiveKilobyteEmail();
const sequence = {
  format: 'nudge.sequence/v1',
  id: 'preview-bench',
  name: '미리 보기 측정',
  settings: {
    sender: { name: '넛지', email: 'team@nudge.example' },
    variables: { 고객명: 'contact.name' },
  },
  nodes: [
    {
      id: 'start',
      type: 'entry',
      data: { triggers: [{ kind: 'manual' }] },
      position: { x: 0, y: 0 },
    },
    {
      id: 'welcome',
      type: 'email',
      data: {
        subject: '{{ 고객명 | default: "고객" }}님, 안녕하세요',
        body,
        format: 'html',
        mode: 'auto',
      },
      position: { x: 0, y: 160 },
    },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'welcome' }],
};
const checked = validateSequence(sequence);
if (checked.errors.length + checked.warnings.length > 0)
  throw new Error(
    `the bench's sequence has problems: ${[...checked.errors, ...checked.warnings][0]?.message}`,
  );
const file = { name: 'preview-bench.json', text: `${JSON.stringify(sequence, null, 2)}\n` };

const built = await buildEditor();
const server = await startServer({ port: 0, editorDir: built.dir });
const browser = await launchChromium();

interface Typed {
  /** Key down → next paint (Event Timing), per key. */
  paint: number[];
  /** Key down → the preview's frame loaded with the new body, per key (preview open only). */
  frame: number[];
  /** The preview's own render (core's renderer, links, empty variables), per key. */
  render: number[];
}

async function typeInBody(withPreview: boolean): Promise<Typed> {
  const open = await openSequence(browser, `${server.url}/`, file);
  const { page } = open;
  try {
    await page.locator('.react-flow__node[data-id="welcome"]').click();
    const settings = page.getByRole('region', { name: 'Step settings' });
    if (withPreview) {
      await settings.getByRole('button', { name: 'Preview' }).click();
      await page.getByTestId('preview-subject').waitFor();
      await page.frameLocator('[data-testid="preview-panel"] iframe').locator('h1').waitFor();
    }
    const editor = settings.getByRole('textbox', { name: 'Body', exact: true });
    await editor.click();
    await page.keyboard.press('Control+End');
    await waitForQuiet(page, await page.evaluate(() => performance.now()));
    await page.evaluate(() => {
      const w = window as unknown as { keyAt: number; keys: number[]; loads: number[] };
      w.loads = [];
      w.keys = [];
      document.addEventListener(
        'keydown',
        () => {
          w.keyAt = performance.now();
          w.keys.push(w.keyAt);
        },
        true,
      );
      // A frame's load does not bubble, but a capturing listener on the document sees it.
      document.addEventListener(
        'load',
        (event) => {
          if (event.target instanceof HTMLIFrameElement) w.loads.push(performance.now() - w.keyAt);
        },
        true,
      );
    });
    await recordInteractions(page);
    const before = new Set((await interactionTimes(page)).keys());
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'x' : 'Backspace');
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(300);
    const after = await interactionTimes(page);
    const paint = [...after].filter(([id]) => !before.has(id)).map(([, ms]) => ms);
    const loads = await page.evaluate(() => (window as unknown as { loads: number[] }).loads);
    // The preview's work after each key: its User Timing entries up to the next key, summed.
    const renders = await page.evaluate(() => {
      const keys = (window as unknown as { keys: number[] }).keys;
      const sums = keys.map(() => 0);
      for (const e of performance.getEntriesByName('nudge:preview-render')) {
        let i = keys.length - 1;
        while (i >= 0 && (keys[i] as number) > e.startTime) i--;
        if (i >= 0) sums[i] = (sums[i] as number) + e.duration;
      }
      return sums;
    });
    if (withPreview && loads.length !== KEYS)
      throw new Error(`the preview's frame loaded ${loads.length} times for ${KEYS} keys`);
    return {
      paint: [...paint, ...Array<number>(KEYS - paint.length).fill(UNREPORTED_MS)],
      frame: loads,
      render: withPreview ? renders : [],
    };
  } finally {
    await open.close();
  }
}

const closed: Typed[] = [];
const opened: Typed[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    closed.push(await typeInBody(false));
    opened.push(await typeInBody(true));
  }
} finally {
  await browser.close();
  await server.close();
}

const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil(0.95 * sorted.length) - 1))
  ] as number;
};
const ms = (n: number) => `${n.toFixed(1)} ms`;
const baseline = p95(closed.flatMap((r) => r.paint));
const paintOpen = p95(opened.flatMap((r) => r.paint));
const frame = p95(opened.flatMap((r) => r.frame));
const render = p95(opened.flatMap((r) => r.render));
const rows = [
  [
    `keystroke in a ${(body.length / 1024).toFixed(1)} KB body → next paint, p95`,
    ms(paintOpen),
    ms(baseline),
    `${(paintOpen / baseline).toFixed(2)}x`,
    '',
    '',
  ],
  [
    "the preview's own render after a keystroke, p95",
    ms(render),
    ms(baseline),
    `${(render / baseline).toFixed(2)}x`,
    `≤ ${TARGET_MS} ms`,
    render <= TARGET_MS ? 'yes' : 'no',
  ],
  [
    'keystroke → the preview frame showing it, p95',
    ms(frame),
    ms(baseline),
    `${(frame / baseline).toFixed(2)}x`,
    '',
    '',
  ],
];
printTable(
  ['measure', 'preview open', 'baseline: preview closed, to next paint', 'ratio', 'target', 'met'],
  rows,
);
console.log(
  `\n${RUNS} run(s) × ${KEYS} keys; load average ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}`,
);
console.log(
  writeResults('preview', {
    runs: RUNS,
    keys: KEYS,
    bodyBytes: Buffer.byteLength(body),
    baselinePaintMs: closed.map((r) => r.paint),
    previewPaintMs: opened.map((r) => r.paint),
    previewFrameMs: opened.map((r) => r.frame),
    previewRenderMs: opened.map((r) => r.render),
    p95: { baseline, paintOpen, frame, render },
    targetMs: TARGET_MS,
    met: render <= TARGET_MS,
  }),
);
