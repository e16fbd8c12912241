import { describe, expect, it } from 'vitest';
import { evenWeights, SplitForm } from './SplitForm.tsx';
import {
  button,
  byLabel,
  click,
  problemCodes,
  problemsOfStep,
  renderStepForm,
  type,
} from './test-render.test-support.tsx';

const total = (host: HTMLElement) => host.querySelector('[data-testid="split-total"]')?.textContent;

describe('SplitForm', () => {
  it('sets weights and shows the total as it changes', () => {
    const data = {
      branches: [
        { id: 'a', weight: 50 },
        { id: 'b', weight: 50 },
      ],
    };
    const { host, current } = renderStepForm(SplitForm, 'split', data);
    expect(total(host)).toBe('Total: 100%');
    type(byLabel(host, 'Weight (%)', 1), '30');
    expect(current()).toEqual({
      branches: [
        { id: 'a', weight: 50 },
        { id: 'b', weight: 30 },
      ],
    });
    expect(total(host)).toContain('Total: 80%');
    expect(total(host)).toContain('not 100%');
  });

  it('adds branches with the next id, never one removed before, and at most 10', () => {
    const data = {
      branches: [
        { id: 'a', weight: 50 },
        { id: 'b', weight: 50 },
      ],
    };
    const { host, current } = renderStepForm(SplitForm, 'split', data);
    click(button(host, '+ Add branch'));
    expect(current()).toEqual({
      branches: [
        { id: 'a', weight: 50 },
        { id: 'b', weight: 50 },
        { id: 'c', weight: 0 },
      ],
    });
    click(button(host, 'Remove branch b'));
    click(button(host, '+ Add branch'));
    expect((current() as { branches: Array<{ id: string }> }).branches.map((b) => b.id)).toEqual([
      'a',
      'c',
      'd',
    ]);
    for (let i = 0; i < 7; i++) click(button(host, '+ Add branch'));
    expect((current() as { branches: unknown[] }).branches).toHaveLength(10);
    expect(button(host, '+ Add branch').disabled).toBe(true);
  });

  it('keeps two branches at least', () => {
    const data = {
      branches: [
        { id: 'a', weight: 50 },
        { id: 'b', weight: 50 },
      ],
    };
    const { host } = renderStepForm(SplitForm, 'split', data);
    expect(button(host, 'Remove branch a').disabled).toBe(true);
  });

  it('splits evenly in whole percents', () => {
    expect(evenWeights(3)).toEqual([34, 33, 33]);
    expect(evenWeights(7).reduce((a, b) => a + b)).toBe(100);
    const data = { branches: ['a', 'b', 'c'].map((id) => ({ id, weight: 10 })) };
    const { host, current } = renderStepForm(SplitForm, 'split', data);
    click(button(host, 'Split evenly'));
    expect(current()).toEqual({
      branches: [
        { id: 'a', weight: 34 },
        { id: 'b', weight: 33 },
        { id: 'c', weight: 33 },
      ],
    });
  });

  it('shows the validator’s problems: the sum, a weight out of range', () => {
    const data = {
      branches: [
        { id: 'a', weight: 150 },
        { id: 'b', weight: 20 },
      ],
    };
    const { host } = renderStepForm(SplitForm, 'split', data, problemsOfStep('split', data));
    expect(problemCodes(byLabel(host, 'Weight (%)').closest('.field') as HTMLElement)).toEqual([
      'invalid_value',
    ]);
    expect(problemCodes(host)).toContain('split_weights');
    // The validator says it: the form does not say it twice.
    expect(total(host)).toBe('Total: 170%');
  });
});
