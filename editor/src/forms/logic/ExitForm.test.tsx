import { describe, expect, it } from 'vitest';
import { ExitForm } from './ExitForm.tsx';
import {
  byLabel,
  click,
  problemCodes,
  problemsOfStep,
  renderStepForm,
} from './test-render.test-support.tsx';

describe('ExitForm', () => {
  it('shows completed for no outcome and writes the one chosen', () => {
    const { host, current, changes } = renderStepForm(ExitForm, 'exit', {});
    expect(byLabel(host, 'Completed').checked).toBe(true);
    click(byLabel(host, 'Converted (reached the goal)'));
    expect(current()).toEqual({ outcome: 'converted' });
    expect(changes.at(-1)?.field).toBe('outcome');
  });

  it('shows an outcome the format lacks with its problem, none checked', () => {
    const data = { outcome: 'won' };
    const { host } = renderStepForm(ExitForm, 'exit', data, problemsOfStep('exit', data));
    expect(byLabel(host, 'Completed').checked).toBe(false);
    expect(byLabel(host, 'Converted (reached the goal)').checked).toBe(false);
    expect(problemCodes(host)).toEqual(['invalid_value']);
  });
});
