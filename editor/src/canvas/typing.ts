/**
 * Whether a key pressed or text pasted here belongs to what has focus rather than to the
 * canvas: a form field, the step search, a code editor (CodeMirror is contenteditable), or
 * an open menu, which handles its own keys.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('[role="menu"], [role="dialog"], .cm-editor')) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NOT_TEXT.has(target.type);
  return target instanceof HTMLElement && target.isContentEditable;
}

/** Inputs that take no typing: keys pressed on them may act on the canvas. */
const NOT_TEXT = new Set([
  'button',
  'checkbox',
  'radio',
  'range',
  'reset',
  'submit',
  'color',
  'file',
]);

/** Whether text is selected on the page: Ctrl/Cmd+C then copies it, not the selected steps. */
export function hasTextSelection(): boolean {
  const selection = globalThis.getSelection?.();
  return !!selection && !selection.isCollapsed && selection.toString() !== '';
}
