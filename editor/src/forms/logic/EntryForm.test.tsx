import { describe, expect, it } from 'vitest';
import { EntryForm } from './EntryForm.tsx';
import {
  button,
  byLabel,
  byLegend,
  choose,
  click,
  problemCodes,
  problemsOfStep,
  renderStepForm,
  type,
} from './test-render.test-support.tsx';

describe('EntryForm', () => {
  it('adds triggers of each kind and removes them, keeping one', () => {
    const { host, current } = renderStepForm(EntryForm, 'entry', {
      triggers: [{ kind: 'manual' }],
    });
    expect(host.querySelector('button[aria-label="Remove trigger 1"]')).toBeNull();
    click(button(host, '+ Add trigger'));
    choose(byLabel(host, 'Enter', 1), 'segment');
    type(byLabel(host, 'Segment id'), 'kr-enterprise');
    click(button(host, '+ Add trigger'));
    choose(byLabel(host, 'Enter', 2), 'event');
    type(byLabel(host, 'Event name'), 'status_changed');
    expect(current()).toEqual({
      triggers: [
        { kind: 'manual' },
        { kind: 'segment', segment: 'kr-enterprise' },
        { kind: 'event', name: 'status_changed' },
      ],
    });
    click(button(host, 'Remove trigger 1'));
    expect(current()).toEqual({
      triggers: [
        { kind: 'segment', segment: 'kr-enterprise' },
        { kind: 'event', name: 'status_changed' },
      ],
    });
  });

  it('an event trigger takes a rule, optional', () => {
    const { host, current } = renderStepForm(EntryForm, 'entry', {
      triggers: [{ kind: 'event', name: 'status_changed' }],
    });
    click(byLabel(host, 'Only when a rule holds'));
    expect(current()).toEqual({
      triggers: [
        {
          kind: 'event',
          name: 'status_changed',
          where: { all: [{ field: 'contact.name', op: 'eq', value: '' }] },
        },
      ],
    });
    choose(byLabel(host, 'Field or event'), 'contact.tags');
    type(byLabel(host, 'Value'), 'trial');
    expect(current()).toEqual({
      triggers: [
        {
          kind: 'event',
          name: 'status_changed',
          where: { all: [{ field: 'contact.tags', op: 'contains', value: 'trial' }] },
        },
      ],
    });
    click(byLabel(host, 'Only when a rule holds'));
    expect(current()).toEqual({ triggers: [{ kind: 'event', name: 'status_changed' }] });
  });

  it('shows the validator’s problems beside their fields', () => {
    const data = { triggers: [{ kind: 'event', name: '' }, { kind: 'segment' }, { kind: 'x' }] };
    const { host } = renderStepForm(EntryForm, 'entry', data, problemsOfStep('entry', data));
    expect(problemCodes(byLabel(host, 'Event name').closest('.field') as HTMLElement)).toEqual([
      'invalid_value',
    ]);
    expect(problemCodes(byLegend(host, 'Trigger 2'))).toEqual(['missing_property']);
    expect(problemCodes(byLabel(host, 'Enter', 2).closest('.field') as HTMLElement)).toEqual([
      'invalid_value',
    ]);
  });
});
