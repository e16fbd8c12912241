import { expect, within } from 'storybook/test';

/** The problem codes shown in the field (or fieldset) of `control`. */
export function problemCodes(control: HTMLElement): string[] {
  const box = control.closest('.field') ?? control.closest('fieldset');
  if (!box) throw new Error('the control is in no field');
  return within(box as HTMLElement)
    .queryAllByTestId('field-problem')
    .map((p) => p.getAttribute('data-code') ?? '');
}

/** Every problem code shown in `root`. */
export const allProblemCodes = (root: HTMLElement) =>
  within(root)
    .queryAllByTestId('field-problem')
    .map((p) => p.getAttribute('data-code') ?? '');

/** Every control has a name a screen reader says, and every button too. */
export async function expectAllNamed(root: HTMLElement): Promise<void> {
  const controls = root.querySelectorAll<HTMLElement>('input, select, textarea, button');
  await expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) await expect(control).toHaveAccessibleName();
}

/** A control focused from the keyboard shows the forms' focus ring: a solid blue outline. */
export async function expectFocusRing(element: HTMLElement): Promise<void> {
  await expect(element).toHaveFocus();
  await expect(getComputedStyle(element).outlineStyle).toBe('solid');
  await expect(getComputedStyle(element).outlineColor).toBe('rgb(37, 99, 235)');
}
