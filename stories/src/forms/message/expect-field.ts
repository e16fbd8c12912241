import { expect, waitFor, within } from 'storybook/test';

/** The problem codes shown in the field of `control` (Field's data-testid="field-problem"). */
export function problemCodes(control: HTMLElement): string[] {
  const field = control.closest('.field');
  if (!field) throw new Error('the control is not in a field');
  return within(field as HTMLElement)
    .queryAllByTestId('field-problem')
    .map((p) => p.getAttribute('data-code') ?? '');
}

/** The texts of the problems shown in the field of `control`. */
export function problemTexts(control: HTMLElement): string[] {
  const field = control.closest('.field') as HTMLElement;
  return within(field)
    .queryAllByTestId('field-problem')
    .map((p) => p.textContent ?? '');
}

/** The text editor (CodeMirror's content element) named `name`, and its text. */
export function editorNamed(root: HTMLElement, name: string): HTMLElement {
  return within(root).getByRole('textbox', { name });
}

/** A focused control shows the focus ring of the forms: a solid blue outline. */
export async function expectFocusRing(element: HTMLElement): Promise<void> {
  await expect(element).toHaveFocus();
  // CodeMirror marks its focus (cm-focused, which draws the ring) once it has handled it.
  const ringed = element.closest('.cm-editor') ?? element;
  await waitFor(() => expect(getComputedStyle(ringed).outlineStyle).toBe('solid'));
  await expect(getComputedStyle(ringed).outlineColor).toBe('rgb(37, 99, 235)');
}
