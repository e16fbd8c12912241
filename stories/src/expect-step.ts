import { expect, waitFor, within } from 'storybook/test';

/** What a story's step must show; the play functions of all step stories check it the same way. */
export interface StepExpectation {
  id: string;
  /** The translated type label, e.g. "Email" or "대기". */
  type: string;
  /** Summary lines, exactly as shown. */
  summary: string[];
  /** Outgoing handles: 'plain' (one unnamed), 'none', or the branch labels in order. */
  handles: 'plain' | 'none' | string[];
  /** Whether the step takes incoming links (every type but the entry). */
  incoming?: boolean;
  selected?: boolean;
  /** Messages of the errors that decorate the step. */
  errors?: string[];
  /** Their titles, in the UI language: the step's tooltip and badge give title and message. */
  errorTitles?: string[];
}

export async function expectStep(root: HTMLElement, expected: StepExpectation): Promise<void> {
  // React Flow shows a node once it has measured it.
  const wrapper = await waitFor(() => {
    const el = root.querySelector<HTMLElement>(`.react-flow__node[data-id="${expected.id}"]`);
    expect(el).toBeVisible();
    return el as HTMLElement;
  });
  const step = within(wrapper);
  const box = step.getByTestId('step');

  await expect(step.getByText(expected.type)).toBeVisible();
  await expect(step.getByText(expected.id)).toBeVisible();
  const lines = [...box.querySelectorAll('.step__summary p')].map((p) => p.textContent);
  await expect(lines).toEqual(expected.summary);

  const sources = [...wrapper.querySelectorAll('.react-flow__handle.source')];
  const labels = step.queryAllByTestId('step-handle');
  if (expected.handles === 'none') await expect(sources).toHaveLength(0);
  else if (expected.handles === 'plain') {
    await expect(sources).toHaveLength(1);
    await expect(labels).toHaveLength(0);
  } else {
    await expect(labels.map((l) => l.textContent)).toEqual(expected.handles);
    for (const label of labels) await expect(label).toBeVisible();
    // Each label sits over its own handle, whose id is the branch's handle id.
    await expect(sources.map((h) => h.getAttribute('data-handleid'))).toEqual(
      labels.map((l) => l.getAttribute('data-handle-id')),
    );
  }
  const targets = wrapper.querySelectorAll('.react-flow__handle.target');
  await expect(targets).toHaveLength(expected.incoming === false ? 0 : 1);

  await expect(wrapper.classList.contains('selected')).toBe(expected.selected ?? false);
  if (expected.selected) await expect(getComputedStyle(box).outlineStyle).toBe('solid');

  const badge = step.queryByTestId('step-badge');
  if (expected.errors && expected.errors.length > 0) {
    await expect(box).toHaveAttribute('data-state', 'error');
    await expect(badge).toBeVisible();
    await expect(badge).toHaveTextContent(String(expected.errors.length));
    for (const message of [...expected.errors, ...(expected.errorTitles ?? [])]) {
      await expect(box.getAttribute('title')).toContain(message);
      await expect(badge?.getAttribute('aria-label')).toContain(message);
    }
    await expect(getComputedStyle(box).borderLeftColor).toBe('rgb(220, 38, 38)');
  } else {
    await expect(box).toHaveAttribute('data-state', 'ok');
    await expect(badge).toBeNull();
    await expect(box).not.toHaveAttribute('title');
  }
}
