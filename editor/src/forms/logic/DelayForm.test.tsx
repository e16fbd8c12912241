import { describe, expect, it } from 'vitest';
import { DelayForm } from './DelayForm.tsx';
import {
  byLabel,
  choose,
  click,
  optionTexts,
  problemCodes,
  problemsOfStep,
  renderStepForm,
  type,
} from './test-render.test-support.tsx';

describe('DelayForm', () => {
  it('writes an amount and a unit, the units in words', () => {
    const { host, current, changes } = renderStepForm(DelayForm, 'delay', {
      amount: 2,
      unit: 'days',
    });
    expect(optionTexts(byLabel(host, 'Unit'))).toEqual([
      'minutes',
      'hours',
      'days',
      'weeks',
      'business days',
    ]);
    type(byLabel(host, 'Amount'), '3');
    choose(byLabel(host, 'Unit'), 'businessDays');
    expect(current()).toEqual({ amount: 3, unit: 'businessDays' });
    expect(changes.map((c) => c.field)).toEqual(['amount', 'unit']);
  });

  it('keeps an amount being typed that is no whole number, and says so', () => {
    const { host, current } = renderStepForm(DelayForm, 'delay', { amount: 2, unit: 'days' });
    type(byLabel(host, 'Amount'), '2.5');
    expect(byLabel(host, 'Amount').value).toBe('2.5');
    expect(current()).toEqual({ amount: 2, unit: 'days' });
    expect(host.textContent).toContain('Enter a whole number');
  });

  it('waits until a date field, with offset, time and what to do when past', () => {
    const { host, current } = renderStepForm(DelayForm, 'delay', { amount: 2, unit: 'days' });
    click(byLabel(host, 'Until a date in the contact’s data'));
    type(byLabel(host, 'Attribute name'), 'renewal_date');
    type(byLabel(host, 'Days after the date'), '-7');
    type(byLabel(host, 'Time of day'), '09:30');
    click(byLabel(host, 'Leave the sequence'));
    expect(current()).toEqual({
      until: { field: 'contact.attributes.renewal_date', offsetDays: -7, at: '09:30' },
      ifPast: 'exit',
    });
    // Emptied, the optional ones are left out.
    type(byLabel(host, 'Days after the date'), '');
    type(byLabel(host, 'Time of day'), '');
    expect(current()).toEqual({
      until: { field: 'contact.attributes.renewal_date' },
      ifPast: 'exit',
    });
  });

  it('switching between the two kinds keeps what each held', () => {
    const { host, current } = renderStepForm(DelayForm, 'delay', {
      until: { field: 'contact.attributes.trial_end', offsetDays: 1 },
    });
    click(byLabel(host, 'For an amount of time'));
    expect(current()).toEqual({ amount: 1, unit: 'days' });
    type(byLabel(host, 'Amount'), '4');
    click(byLabel(host, 'Until a date in the contact’s data'));
    expect(current()).toEqual({ until: { field: 'contact.attributes.trial_end', offsetDays: 1 } });
    click(byLabel(host, 'For an amount of time'));
    expect(current()).toEqual({ amount: 4, unit: 'days' });
  });

  it('shows the validator’s problems beside their fields', () => {
    const data = { until: { field: 'contact.attributes.', at: '25:00' }, ifPast: 'later' };
    const { host } = renderStepForm(DelayForm, 'delay', data, problemsOfStep('delay', data));
    const field = (label: string) => byLabel(host, label).closest('.field') as HTMLElement;
    expect(problemCodes(field('Attribute name'))).toEqual(['invalid_value']);
    expect(problemCodes(field('Time of day'))).toEqual(['invalid_value']);
    const ifPast = byLabel(host, 'Go on at once').closest('fieldset') as HTMLElement;
    expect(problemCodes(ifPast)).toEqual(['invalid_value']);
    // Nothing checked: "later" is no option.
    expect(byLabel(host, 'Go on at once').checked).toBe(false);
  });
});
