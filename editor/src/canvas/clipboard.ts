import type { Position, Sequence } from '@nudge/schema';
import { type Clipboard, copySteps } from '../commands/index.ts';
import { STEP_SIZE } from './layout.ts';

/**
 * Steps on the system clipboard, as JSON text, so they paste into another sequence, another
 * tab, or a text editor to read. The format and the checks of pasted text are the commands'
 * (copySteps, readClipboard); here is only the text and the browser's clipboard.
 */

/** The steps as clipboard text (the canonical 2-space JSON and a newline); undefined when none can be copied. */
export function clipboardText(sequence: Sequence, stepIds: string[]): string | undefined {
  const clipboard = copySteps(sequence, stepIds);
  if (clipboard.nodes.length === 0) return undefined;
  return `${JSON.stringify(clipboard, null, 2)}\n`;
}

/**
 * Where pasted steps go (pasteSteps puts the group's top-left corner there): the group
 * centred on `point`, as far as its steps' positions tell its size.
 */
export function pasteCorner(clipboard: Clipboard, point: Position): Position {
  const placed = clipboard.nodes.flatMap((n) => (n.position ? [n.position] : []));
  const width =
    placed.length > 0
      ? Math.max(...placed.map((p) => p.x)) - Math.min(...placed.map((p) => p.x))
      : 0;
  const height =
    placed.length > 0
      ? Math.max(...placed.map((p) => p.y)) - Math.min(...placed.map((p) => p.y))
      : 0;
  return {
    x: Math.round(point.x - (width + STEP_SIZE.width) / 2),
    y: Math.round(point.y - (height + STEP_SIZE.height) / 2),
  };
}

/** What this tab copied last, for Paste from the menu when the browser won't let us read. */
let copiedHere: string | undefined;

/** Puts text on the clipboard from a menu (no copy event to write into). */
export async function writeClipboard(text: string): Promise<void> {
  copiedHere = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Not allowed (no focus, no permission): this tab's paste still has it.
  }
}

/** Remembers text copied through the copy event, for the menu's Paste. */
export function rememberCopied(text: string): void {
  copiedHere = text;
}

/** The clipboard's text for Paste from a menu: the system's if the browser lets us read it. */
export async function readClipboardText(): Promise<string> {
  try {
    const text = await navigator.clipboard.readText();
    if (text !== '') return text;
  } catch {
    // Reading was refused: fall back to what was copied in this tab.
  }
  return copiedHere ?? '';
}
