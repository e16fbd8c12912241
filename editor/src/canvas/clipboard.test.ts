import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRefusal, pasteSteps, readClipboard } from '../commands/index.ts';
import { done, sample } from '../commands/testing.ts';
import {
  clipboardText,
  pasteCorner,
  readClipboardText,
  rememberCopied,
  writeClipboard,
} from './clipboard.ts';
import { STEP_SIZE } from './layout.ts';

describe('clipboard text', () => {
  it('is the steps and the links between them as readable JSON, ending in a newline', () => {
    const text = clipboardText(sample(), ['thanks', 'done']) as string;
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "format": "nudge.steps/v1"');
    const read = JSON.parse(text);
    expect(read.nodes.map((n: { id: string }) => n.id)).toEqual(['thanks', 'done']);
    expect(read.edges).toEqual([{ id: 'e5', source: 'thanks', target: 'done' }]);
  });

  it('reads back as the same steps, which paste with fresh ids', () => {
    const text = clipboardText(sample(), ['thanks', 'done']) as string;
    const clipboard = readClipboard(text);
    if (isRefusal(clipboard)) throw new Error(clipboard.message);
    const { stepIds } = done(pasteSteps(sample(), clipboard));
    expect(stepIds).toEqual(['email-1', 'exit-1']);
  });

  it('is nothing for the entry alone, or for no steps', () => {
    expect(clipboardText(sample(), ['start'])).toBeUndefined();
    expect(clipboardText(sample(), [])).toBeUndefined();
    expect(clipboardText(sample(), ['nope'])).toBeUndefined();
  });

  it('leaves the entry out when it is copied with other steps', () => {
    const read = JSON.parse(clipboardText(sample(), ['start', 'welcome']) as string);
    expect(read.nodes.map((n: { id: string }) => n.id)).toEqual(['welcome']);
  });

  it('junk or another format reads as a refusal, never as steps', () => {
    for (const junk of ['', 'hello', '{"format":"other/v1","nodes":[]}', '[1,2]', '{'])
      expect(readClipboard(junk)).toMatchObject({ refused: 'not_steps' });
  });
});

describe('pasteCorner', () => {
  it('centres one step on the point', () => {
    const clipboard = JSON.parse(clipboardText(sample(), ['call']) as string);
    expect(pasteCorner(clipboard, { x: 1000, y: 500 })).toEqual({
      x: 1000 - STEP_SIZE.width / 2,
      y: 500 - STEP_SIZE.height / 2,
    });
  });

  it('centres a group by its steps’ box', () => {
    // thanks (-150, 480) and done (-150, 640): 260 × (160 + 112).
    const clipboard = JSON.parse(clipboardText(sample(), ['thanks', 'done']) as string);
    const corner = pasteCorner(clipboard, { x: 0, y: 0 });
    expect(corner).toEqual({ x: -130, y: -136 });
    const { sequence, stepIds } = done(pasteSteps(sample(), clipboard, corner));
    const pasted = sequence.nodes.filter((n) => stepIds.includes(n.id)).map((n) => n.position);
    expect(pasted).toEqual([
      { x: -130, y: -136 },
      { x: -130, y: 24 },
    ]);
  });
});

describe('the browser clipboard', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes through navigator.clipboard and reads back', async () => {
    const written: string[] = [];
    vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(async (text) => {
      written.push(text);
    });
    vi.spyOn(navigator.clipboard, 'readText').mockImplementation(async () => written.at(-1) ?? '');
    await writeClipboard('{"a":1}');
    expect(written).toEqual(['{"a":1}']);
    expect(await readClipboardText()).toBe('{"a":1}');
  });

  it('falls back to what this tab copied when the browser refuses to read or write', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    vi.spyOn(navigator.clipboard, 'readText').mockRejectedValue(new Error('denied'));
    await writeClipboard('menu copy');
    expect(await readClipboardText()).toBe('menu copy');
    rememberCopied('key copy');
    expect(await readClipboardText()).toBe('key copy');
  });
});
