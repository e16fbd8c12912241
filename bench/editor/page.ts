/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * What `pnpm bench:editor` does in a page, the editor's or the baseline's alike: open a file
 * through data-testid="open-file-input" and time it to interactive, and drag a step while
 * counting frames. The timings are taken in the page (performance.now(), requestAnimationFrame,
 * PerformanceObserver 'longtask'), so the test driver's own delays don't count.
 */
import type { launchChromium } from '../../test/support/chromium.ts';

type Browser = Awaited<ReturnType<typeof launchChromium>>;
type Page = Awaited<ReturnType<Browser['newPage']>>;

/** A long task: the main thread busy for over 50 ms, when no input can be answered. */
export interface LongTask {
  start: number;
  duration: number;
}

/** What the page records; installed before any of its scripts run. */
interface Recorder {
  longTasks: LongTask[];
  /** When the file input first appeared: the app has rendered. */
  appReady: number | null;
  /** When the file was chosen (the input's change event). */
  openStart: number | null;
  /** When, after that, the canvas first showed its steps and links, measured and placed. */
  canvasDrawn: number | null;
  /** Frame times (requestAnimationFrame), while recording. */
  frames: number[] | null;
}

declare global {
  interface Window {
    nudgeBench: Recorder;
  }
}

/** Runs in the page before its own scripts (page.addInitScript): must be self-contained. */
function record() {
  const recorder: Recorder = {
    longTasks: [],
    appReady: null,
    openStart: null,
    canvasDrawn: null,
    frames: null,
  };
  window.nudgeBench = recorder;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      recorder.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });

  const INPUT = '[data-testid="open-file-input"]';
  new MutationObserver((_, observer) => {
    if (document.querySelector(INPUT)) {
      recorder.appReady = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });

  /** Steps and links drawn, every step measured (React Flow hides a step until it is). */
  const drawn = () => {
    const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
    if (nodes.length === 0 || !document.querySelector('.react-flow__edge')) return false;
    for (const node of nodes) if (node.style.visibility === 'hidden') return false;
    return true;
  };
  document.addEventListener(
    'change',
    (event) => {
      if (!(event.target instanceof HTMLElement) || !event.target.matches(INPUT)) return;
      recorder.openStart = performance.now();
      recorder.canvasDrawn = null;
      const look = () => {
        if (drawn()) recorder.canvasDrawn = performance.now();
        else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    },
    true,
  );
}

/** The viewport every page gets: a laptop's. */
const VIEWPORT = { width: 1280, height: 800 };
/** A page is interactive once no long task has come for this long (as in Time to Interactive). */
const QUIET_MS = 500;

export interface OpenResult {
  /** Navigation → the app rendered (the file input there). */
  appReadyMs: number;
  /** File chosen → steps and links drawn. */
  drawnMs: number;
  /** File chosen → drawn, then no long task for 500 ms (TTI's rule). */
  interactiveMs: number;
  /** Navigation → interactive with the sequence open, less the driver's delay in choosing it. */
  navigationToInteractiveMs: number;
  /** The longest task from the file chosen to interactive, and the total blocking time. */
  longestTaskMs: number;
  blockingMs: number;
  nodesShown: number;
  page: Page;
  close(): Promise<void>;
}

/**
 * Loads `url` in a fresh context (an empty cache, as a first visit), opens `file` through the
 * file input, and waits for the canvas to be interactive. The page stays open for more.
 */
export async function openSequence(
  browser: Browser,
  url: string,
  file: { name: string; text: string },
): Promise<OpenResult> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // tsx keeps function names with a helper, __name, that the page lacks: give it one.
  await page.addInitScript({ content: `globalThis.__name = (f) => f;\n(${record})();` });
  await page.goto(url);
  await page.locator('[data-testid="open-file-input"]').setInputFiles({
    name: file.name,
    mimeType: 'application/json',
    buffer: Buffer.from(file.text),
  });
  await page.waitForFunction(() => window.nudgeBench.canvasDrawn !== null, null, {
    timeout: 120_000,
    polling: 50,
  });
  const seen = await waitForQuiet(page);
  const interactiveAt = seen.quietFrom;
  if (errors.length > 0) throw new Error(`the page failed at ${url}: ${errors.join('; ')}`);
  const openStart = seen.openStart as number;
  const appReady = seen.appReady as number;
  const during = seen.longTasks.filter((t) => t.start >= openStart && t.start < interactiveAt);
  return {
    appReadyMs: appReady,
    drawnMs: (seen.canvasDrawn as number) - openStart,
    interactiveMs: interactiveAt - openStart,
    navigationToInteractiveMs: appReady + (interactiveAt - openStart),
    longestTaskMs: Math.max(0, ...during.map((t) => t.duration)),
    blockingMs: during.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    nodesShown: await page.locator('.react-flow__node').count(),
    page,
    close: () => context.close(),
  };
}

/**
 * Waits until the page has had no long task for QUIET_MS since the canvas was drawn (or since
 * `since`), and says from when it has been quiet.
 */
export async function waitForQuiet(
  page: Page,
  since?: number,
): Promise<Recorder & { quietFrom: number }> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    await page.waitForTimeout(QUIET_MS);
    const seen = await page.evaluate(() => ({ ...window.nudgeBench, now: performance.now() }));
    const from = since ?? (seen.canvasDrawn as number);
    const quietFrom = quietAfter(from, seen.longTasks, since ?? (seen.openStart as number));
    if (seen.now - quietFrom >= QUIET_MS) return { ...seen, quietFrom };
    if (Date.now() > deadline) throw new Error('the page never went quiet (long tasks for 2 min)');
  }
}

/** When the page went quiet: the end of the last long task that began before a quiet spell. */
export function quietAfter(from: number, tasks: readonly LongTask[], since: number): number {
  let at = from;
  for (const task of [...tasks].filter((t) => t.start >= since).sort((a, b) => a.start - b.start))
    if (task.start < at + QUIET_MS) at = Math.max(at, task.start + task.duration);
  return at;
}

export interface DragResult {
  /** Time between frames (requestAnimationFrame) during the drag, ms. */
  frames: number[];
  /** The zoom the step was dragged at. */
  zoom: number;
  /** How far the step moved on screen, px. */
  moved: number;
}

const zoomOf = (page: Page) =>
  page.evaluate(() => {
    const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform;
    return Number(/scale\(([\d.]+)\)/.exec(transform ?? '')?.[1] ?? Number.NaN);
  });

/**
 * Zooms to 100% (mouse wheel at the canvas's centre), selects the step nearest the centre,
 * then drags it across the canvas with the mouse: one move per frame for `moves` frames, as a
 * hand does.
 */
export async function dragStep(page: Page, moves = 90): Promise<DragResult> {
  const pane = await page.locator('.react-flow').boundingBox();
  if (!pane) throw new Error('no canvas on the page');
  const centre = { x: pane.x + pane.width / 2, y: pane.y + pane.height / 2 };
  await page.mouse.move(centre.x, centre.y);
  for (let i = 0; i < 80 && (await zoomOf(page)) < 1; i++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(20);
  }
  // d3-zoom ends a wheel gesture 150 ms after its last event; then the steps in view are drawn.
  await page.waitForTimeout(800);
  const zoom = await zoomOf(page);

  const target = await page.evaluate(({ x, y }) => {
    let best: { id: string; x: number; y: number; d: number } | undefined;
    for (const node of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const box = node.getBoundingClientRect();
      const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const d = Math.hypot(at.x - x, at.y - y);
      if (!best || d < best.d) best = { id: node.dataset.id ?? '', ...at, d };
    }
    return best;
  }, centre);
  if (!target) throw new Error('no step near the canvas centre');
  const where = () =>
    page.evaluate((id) => {
      const box = document
        .querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)
        ?.getBoundingClientRect();
      return box ? { x: box.x, y: box.y } : null;
    }, target.id);
  const before = await where();

  // Selected first, and the page quiet again (the editor opens the step's settings): what is
  // timed is the drag alone.
  await page.mouse.click(target.x, target.y);
  await waitForQuiet(page, await page.evaluate(() => performance.now()));
  await page.evaluate(() => {
    const frames: number[] = [];
    window.nudgeBench.frames = frames;
    const tick = (t: number) => {
      if (window.nudgeBench.frames !== frames) return;
      frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.mouse.down();
  for (let i = 1; i <= moves; i++) {
    const started = Date.now();
    await page.mouse.move(target.x + i * 3, target.y + i * 2);
    await page.waitForTimeout(Math.max(0, 16 - (Date.now() - started)));
  }
  await page.mouse.up();
  const times = await page.evaluate(() => {
    const frames = window.nudgeBench.frames ?? [];
    window.nudgeBench.frames = null;
    return frames;
  });
  const after = await where();
  const moved = before && after ? Math.hypot(after.x - before.x, after.y - before.y) : 0;
  return { frames: times.slice(1).map((t, i) => t - (times[i] as number)), zoom, moved };
}

/** Frame times of the page doing nothing for `ms`, once quiet: the machine's own floor. */
export async function idleFrames(page: Page, ms = 1500): Promise<number[]> {
  await waitForQuiet(page, await page.evaluate(() => performance.now()));
  return page.evaluate(
    (duration) =>
      new Promise<number[]>((resolve) => {
        const times: number[] = [];
        const tick = (t: number) => {
          times.push(t);
          if (t - (times[0] as number) < duration) requestAnimationFrame(tick);
          else resolve(times.slice(1).map((x, i) => x - (times[i] as number)));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/** Interactions as the Event Timing API saw them: input to the next paint, per interaction. */
export async function recordInteractions(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: Array<{ name: string; duration: number; interactionId: number }> = [];
    (window as unknown as { nudgeInteractions: typeof seen }).nudgeInteractions = seen;
    new PerformanceObserver((list) => {
      // interactionId is not in TypeScript's DOM types yet (Chromium has it since 96).
      for (const entry of list.getEntries() as Array<
        PerformanceEventTiming & { interactionId: number }
      >)
        if (entry.interactionId > 0)
          seen.push({
            name: entry.name,
            duration: entry.duration,
            interactionId: entry.interactionId,
          });
      // 16 ms is the least threshold the API takes; quicker interactions are not reported.
    }).observe({
      type: 'event',
      durationThreshold: 16,
      buffered: false,
    } as PerformanceObserverInit);
  });
}

/** Each interaction's longest event since recording began (the time to its next paint), ms. */
export async function interactionTimes(page: Page): Promise<Map<number, number>> {
  const seen = await page.evaluate(
    () =>
      (
        window as unknown as {
          nudgeInteractions: Array<{ duration: number; interactionId: number }>;
        }
      ).nudgeInteractions,
  );
  const times = new Map<number, number>();
  for (const e of seen)
    times.set(e.interactionId, Math.max(times.get(e.interactionId) ?? 0, e.duration));
  return times;
}

export interface EditResult {
  /** Per keystroke: key down → the canvas and problems painted again, ms (16: 16 or less). */
  keystrokes: number[];
  /** Per click on Undo, and on Redo, the same. */
  undos: number[];
  redos: number[];
}

/** The quickest an interaction is reported at; what is not reported took at most this. */
export const UNREPORTED_MS = 16;

/**
 * Selects an email step in view, types into its Subject one key at a time (each key changes the
 * step's card on the canvas, and the whole sequence is validated again), then clicks Undo and
 * Redo in turn. Each is timed by the Event Timing API, from the input to the next paint.
 */
export async function editStep(page: Page, keys = 20, undos = 8): Promise<EditResult> {
  const card = page.locator('.react-flow__node[data-id^="email-"]').first();
  await card.click();
  const subject = page.getByRole('region', { name: 'Step settings' }).getByLabel('Subject', {
    exact: true,
  });
  await subject.waitFor();
  await subject.click();
  await page.keyboard.press('End');
  await waitForQuiet(page, await page.evaluate(() => performance.now()));
  await recordInteractions(page);

  const timed = async (act: () => Promise<void>, count: number): Promise<number[]> => {
    const before = new Set((await interactionTimes(page)).keys());
    for (let i = 0; i < count; i++) {
      await act();
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(300);
    const after = await interactionTimes(page);
    const fresh = [...after].filter(([id]) => !before.has(id)).map(([, ms]) => ms);
    if (fresh.length > count) throw new Error(`${fresh.length} interactions for ${count} inputs`);
    return [...fresh, ...Array<number>(count - fresh.length).fill(UNREPORTED_MS)];
  };
  const text = 'Quarterly review'.padEnd(keys, '!').slice(0, keys);
  let typed = 0;
  const keystrokes = await timed(() => page.keyboard.press(text[typed++] as string), keys);
  if (!(await subject.inputValue()).endsWith(text))
    throw new Error('the Subject field did not take the keys typed');

  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  const undoTimes: number[] = [];
  const redoTimes: number[] = [];
  for (let i = 0; i < undos; i++) {
    undoTimes.push(...(await timed(() => undo.click(), 1)));
    redoTimes.push(...(await timed(() => redo.click(), 1)));
  }
  if (!(await subject.inputValue()).endsWith(text))
    throw new Error('Undo then Redo did not bring back what was typed');
  return { keystrokes, undos: undoTimes, redos: redoTimes };
}
