import { describe, expect, it } from 'vitest';
import { ConditionForm } from './ConditionForm.tsx';
import {
  byLabel,
  choose,
  problemCodes,
  problemsOfStep,
  renderStepForm,
  type,
} from './test-render.test-support.tsx';
import { WaitForForm } from './WaitForForm.tsx';

describe('WaitForForm', () => {
  it('writes the rule and the timeout', () => {
    const { host, current } = renderStepForm(WaitForForm, 'wait_for', {
      rule: { event: 'opened' },
      timeout: { amount: 3, unit: 'days' },
    });
    choose(byLabel(host, 'Of the message'), 'welcome');
    type(byLabel(host, 'Amount'), '5');
    choose(byLabel(host, 'Unit'), 'businessDays');
    expect(current()).toEqual({
      rule: { event: 'opened', node: 'welcome' },
      timeout: { amount: 5, unit: 'businessDays' },
    });
  });

  it('shows the timeout’s problems beside it', () => {
    const data = { rule: { event: 'opened' }, timeout: { amount: 0, unit: 'days' } };
    const { host } = renderStepForm(
      WaitForForm,
      'wait_for',
      data,
      problemsOfStep('wait_for', data),
    );
    expect(problemCodes(byLabel(host, 'Amount').closest('.field') as HTMLElement)).toEqual([
      'invalid_value',
    ]);
  });
});

describe('ConditionForm', () => {
  it('writes the rule and names the field typed in', () => {
    const { host, current, changes } = renderStepForm(ConditionForm, 'condition', {
      rule: { field: 'contact.title', op: 'contains', value: 'CEO' },
    });
    type(byLabel(host, 'Value'), '대표');
    expect(current()).toEqual({ rule: { field: 'contact.title', op: 'contains', value: '대표' } });
    expect(changes.at(-1)?.field).toBe('/nodes/1/data/rule/value');
  });

  it('says a missing rule is missing, and starts one', () => {
    const { host } = renderStepForm(
      ConditionForm,
      'condition',
      {},
      problemsOfStep('condition', {}),
    );
    expect(problemCodes(host)).toEqual(['missing_property']);
    expect(host.textContent).toContain('No conditions yet.');
  });
});
