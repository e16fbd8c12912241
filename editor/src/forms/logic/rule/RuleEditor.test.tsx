import { type Problem, validateSequence } from '@nudge/schema';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n/i18n.ts';
import type { FormContext } from '../../types.ts';
import {
  allByLabel,
  button,
  byLabel,
  choose,
  click,
  optionTexts,
  problemCodes,
  renderControlled,
  type,
} from '../test-render.test-support.tsx';
import { RuleEditor } from './RuleEditor.tsx';

const context: FormContext = {
  steps: [
    { id: 'start', type: 'entry' },
    { id: 'welcome', type: 'email' },
    { id: 'nudge', type: 'sms' },
    { id: 'pause', type: 'delay' },
    { id: 'talk', type: 'kakao' },
  ],
  variables: {},
};
const pointer = '/nodes/2/data/rule';

function editor(initial: unknown, problems: Problem[] = []) {
  return renderControlled(initial, (value, onChange) => (
    <RuleEditor
      value={value}
      onChange={onChange}
      pointer={pointer}
      problems={problems}
      context={context}
      label="Go to Yes when"
    />
  ));
}

/** The problems the validator finds in `rule`, as the condition at /nodes/2 of a sequence. */
function problemsOf(rule: unknown): Problem[] {
  const { errors, warnings } = validateSequence({
    format: 'nudge.sequence/v1',
    name: 'Rules',
    nodes: [
      { id: 'start', type: 'entry', data: { triggers: [{ kind: 'manual' }] } },
      {
        id: 'welcome',
        type: 'email',
        data: { subject: 'Hi', body: 'Hi', format: 'text', mode: 'auto' },
      },
      { id: 'check', type: 'condition', data: { rule } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'welcome' },
      { id: 'e2', source: 'welcome', target: 'check' },
    ],
  });
  return [...errors, ...warnings].filter((p) => p.pointer.startsWith(pointer));
}

const condition = (host: HTMLElement, n: number, index = 0) =>
  byLabel<HTMLElement>(host, `Condition ${n}`, index);

describe('RuleEditor, the builder', () => {
  it('builds a test of an attribute, typed as a number, from no rule at all', () => {
    const { host, changes, current } = editor(undefined);
    expect(host.textContent).toContain('No conditions yet.');
    click(button(host, '+ Add condition'));
    expect(current()).toEqual({ all: [{ field: 'contact.name', op: 'eq', value: '' }] });

    choose(byLabel(host, 'Field or event'), '@attribute');
    type(byLabel(host, 'Attribute name'), 'seats');
    choose(byLabel(host, 'Comparison'), 'gte');
    choose(byLabel(host, 'Type of value'), 'number');
    type(byLabel(host, 'Value'), '1');
    type(byLabel(host, 'Value'), '12');
    expect(current()).toEqual({
      all: [{ field: 'contact.attributes.seats', op: 'gte', value: 12 }],
    });
    // Typing a value is named by its pointer: the two keystrokes make one undo step.
    expect(changes.slice(-2).map((c) => c.field)).toEqual([
      `${pointer}/all/0/value`,
      `${pointer}/all/0/value`,
    ]);
    // Actions are named each time anew.
    click(button(host, '+ Add condition'));
    click(button(host, '+ Add condition'));
    const [a, b] = changes.slice(-2).map((c) => c.field);
    expect(a).not.toBe(b);
  });

  it('keeps a number being typed until it is one, and says why it is not written', () => {
    const rule = { field: 'contact.attributes.score', op: 'gt', value: 5 };
    const { host, current } = editor(rule);
    const value = byLabel(host, 'Value');
    type(value, '-');
    expect(value.value).toBe('-');
    expect(current()).toEqual(rule);
    expect(host.textContent).toContain('Enter a number');
    type(value, '-2.5');
    expect(current()).toEqual({ ...rule, value: -2.5 });
    expect(host.textContent).not.toContain('Enter a number');
  });

  it('dates: a date picker, and comparisons read as before and after', () => {
    const { host, current } = editor({
      field: 'contact.attributes.renewal',
      op: 'lt',
      value: '2026-03-01',
    });
    expect((byLabel(host, 'Type of value') as unknown as HTMLSelectElement).value).toBe('date');
    expect(byLabel(host, 'Value').type).toBe('date');
    expect(optionTexts(byLabel(host, 'Comparison'))).toContain('is before');
    type(byLabel(host, 'Value'), '2026-04-30');
    expect(current()).toEqual({
      field: 'contact.attributes.renewal',
      op: 'lt',
      value: '2026-04-30',
    });
  });

  it('offers for each field only the comparisons that make sense, in words', () => {
    const { host } = editor({ field: 'contact.tags', op: 'contains', value: 'vip' });
    expect(optionTexts(byLabel(host, 'Comparison'))).toEqual([
      'has the tag',
      'has one of the tags',
      'has any tag',
    ]);
    choose(byLabel(host, 'Field or event'), 'contact.unsubscribed');
    expect(optionTexts(byLabel(host, 'Comparison'))).toEqual(['is', 'is not', 'has a value']);
    expect(optionTexts(byLabel(host, 'Value'))).toEqual(['Yes', 'No']);
  });

  it('keeps an operator the format lacks, for the validator to name beside it', () => {
    const rule = { field: 'contact.title', op: 'startsWith', value: 'CEO' };
    const { host, current } = editor(rule, problemsOf(rule));
    const op = byLabel(host, 'Comparison') as unknown as HTMLSelectElement;
    expect(op.value).toBe('startsWith');
    expect(optionTexts(op)).toContain('startsWith (not a comparison)');
    const field = op.closest('.field') as HTMLElement;
    expect(problemCodes(field)).toEqual(['invalid_value']);
    expect(op.getAttribute('aria-invalid')).toBe('true');
    expect(current()).toEqual(rule);
  });

  it('lists for "is one of", one value a line, typed', () => {
    const { host, current } = editor({ field: 'contact.company', op: 'eq', value: 'Acme' });
    choose(byLabel(host, 'Comparison'), 'in');
    expect(current()).toEqual({ field: 'contact.company', op: 'in', value: ['Acme'] });
    const values = byLabel(host, 'Values, one per line');
    type(values, 'Acme\n');
    // The new line stays while the list is typed.
    expect((values as unknown as HTMLTextAreaElement).value).toBe('Acme\n');
    type(values, 'Acme\n넛지랩');
    expect(current()).toEqual({ field: 'contact.company', op: 'in', value: ['Acme', '넛지랩'] });
    choose(byLabel(host, 'Comparison'), 'exists');
    expect(current()).toEqual({ field: 'contact.company', op: 'exists' });
  });

  it('events: of any message or of a message step of the sequence, and custom events by name', () => {
    const { host, current } = editor({ field: 'contact.name', op: 'eq', value: 'x' });
    choose(byLabel(host, 'Field or event'), 'event:opened');
    expect(current()).toEqual({ event: 'opened' });
    const step = byLabel(host, 'Of the message');
    // Only steps that send a message.
    expect(optionTexts(step)).toEqual([
      'Any message of this sequence',
      'welcome (Email)',
      'nudge (SMS)',
      'talk (AlimTalk)',
    ]);
    choose(step, 'welcome');
    expect(current()).toEqual({ event: 'opened', node: 'welcome' });
    choose(byLabel(host, 'Field or event'), 'event:custom');
    type(byLabel(host, 'Event name'), 'demo_booked');
    expect(current()).toEqual({ event: 'custom', node: 'welcome', name: 'demo_booked' });
    choose(byLabel(host, 'Field or event'), 'event:clicked');
    choose(byLabel(host, 'Of the message'), '');
    expect(current()).toEqual({ event: 'clicked' });
  });

  it('groups: all or any, nested, reversed with Not, removed', () => {
    const { host, current } = editor({
      all: [{ field: 'contact.title', op: 'contains', value: 'CEO' }, { event: 'replied' }],
    });
    choose(byLabel(host, 'True when'), 'any');
    expect(current()).toEqual({
      any: [{ field: 'contact.title', op: 'contains', value: 'CEO' }, { event: 'replied' }],
    });
    click(byLabel(condition(host, 2), 'Not'));
    expect(current()).toMatchObject({ any: [{}, { not: { event: 'replied' } }] });
    // Still there and checked: unchecking gives back the test.
    expect(byLabel(condition(host, 2), 'Not').checked).toBe(true);
    click(byLabel(condition(host, 2), 'Not'));
    expect(current()).toMatchObject({ any: [{}, { event: 'replied' }] });

    click(button(host, '+ Add group', 0));
    expect(current()).toEqual({
      any: [
        { field: 'contact.title', op: 'contains', value: 'CEO' },
        { event: 'replied' },
        { all: [{ field: 'contact.name', op: 'eq', value: '' }] },
      ],
    });
    const group = byLabel<HTMLElement>(host, 'Group 3');
    choose(byLabel(group, 'Field or event'), 'contact.email');
    click(button(host, 'Remove condition 1'));
    expect(current()).toEqual({
      any: [{ event: 'replied' }, { all: [{ field: 'contact.email', op: 'eq', value: '' }] }],
    });
    click(button(host, 'Remove group 2'));
    expect(current()).toEqual({ any: [{ event: 'replied' }] });
  });

  it('joins a bare test at the top with the next one in an "all" group', () => {
    const { host, current } = editor({ event: 'opened' });
    click(button(host, '+ Add condition'));
    expect(current()).toEqual({
      all: [{ event: 'opened' }, { field: 'contact.name', op: 'eq', value: '' }],
    });
  });

  it('shows each problem of the validator beside its control, in the right condition', () => {
    const rule = {
      all: [
        { field: 'contact.name', op: 'eq', value: 'Kim' },
        { event: 'custom', name: '' },
        { event: 'opened', node: 'ghost' },
        { field: 'contact.name', op: 'eq' },
      ],
    };
    const { host } = editor(rule, problemsOf(rule));
    expect(problemCodes(condition(host, 1))).toEqual([]);
    const name = byLabel(condition(host, 2), 'Event name');
    expect(problemCodes(name.closest('.field') as HTMLElement)).toEqual(['invalid_value']);
    const step = byLabel(condition(host, 3), 'Of the message');
    expect(optionTexts(step)).toContain('ghost (not a message step here)');
    expect(problemCodes(step.closest('.field') as HTMLElement)).toEqual(['unknown_node_ref']);
    // The missing value belongs to the whole condition: listed under it.
    expect(problemCodes(condition(host, 4))).toEqual(['missing_property']);
  });

  it('reads junk without breaking and keeps it until it is edited away', () => {
    for (const junk of [
      5,
      'x',
      [],
      null,
      { all: 7 },
      { field: 1, op: 'eq' },
      { all: [{ any: 'x' }, 3] },
    ]) {
      const { host, current } = editor(junk);
      expect(host.querySelector('[data-testid="rule-editor"]')).not.toBeNull();
      expect(current()).toEqual(junk);
    }
    const { host, current } = editor({ all: [{ any: 'x' }, { event: 'opened' }] });
    expect(host.querySelectorAll('[data-testid="rule-other"]')).toHaveLength(1);
    click(button(host, 'Remove this part'));
    expect(current()).toEqual({ all: [{ event: 'opened' }] });
  });

  it('labels every control, in English and in Korean', () => {
    const rule = {
      any: [
        { field: 'contact.attributes.plan', op: 'in', value: ['pro'] },
        { not: { event: 'custom', name: 'x', node: 'welcome' } },
        { all: [{ field: 'contact.unsubscribed', op: 'eq', value: false }] },
      ],
    };
    for (const language of ['en', 'ko']) {
      act(() => void i18n.changeLanguage(language));
      const { host } = editor(rule);
      const controls = host.querySelectorAll('input, select, textarea');
      expect(controls.length).toBeGreaterThan(10);
      for (const control of controls) {
        const labelled =
          control.getAttribute('aria-label') ||
          (control.id && host.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.textContent);
        expect(labelled, control.outerHTML).toBeTruthy();
      }
      for (const b of host.querySelectorAll('button'))
        expect(b.textContent?.trim() || b.getAttribute('aria-label')).toBeTruthy();
      if (language === 'ko') {
        expect(allByLabel(host, '필드 또는 이벤트')).toHaveLength(3);
        expect(host.textContent).toContain('아래 조건 중 하나 이상 충족');
      }
    }
  });
});

describe('RuleEditor, the text mode', () => {
  it('shows the rule as JSON and applies what parses to an object, as you type', () => {
    const { host, changes, current } = editor({ event: 'opened' });
    click(button(host, 'JSON'));
    expect(button(host, 'JSON').getAttribute('aria-pressed')).toBe('true');
    const text = byLabel<HTMLTextAreaElement>(host, 'Rule as JSON');
    expect(text.value).toBe('{\n  "event": "opened"\n}');

    type(text, '{"event": "replied"');
    expect(current()).toEqual({ event: 'opened' });
    expect(host.querySelector('[data-testid="rule-text-note"]')?.textContent).toBe(
      'Not valid JSON: line 1, column 20: the text ends too early',
    );
    type(text, '[1, 2]');
    expect(host.querySelector('[data-testid="rule-text-note"]')?.textContent).toContain(
      'A rule is a JSON object',
    );
    type(text, '{"event": "replied"}');
    expect(current()).toEqual({ event: 'replied' });
    expect(host.querySelector('[data-testid="rule-text-note"]')).toBeNull();
    // What was typed stays as typed (not reformatted under the cursor).
    expect(text.value).toBe('{"event": "replied"}');
    expect(changes.at(-1)?.field).toBe(`${pointer}#text`);

    // Back in the builder, the pasted rule is there.
    click(button(host, 'Builder'));
    expect((byLabel(host, 'Field or event') as unknown as HTMLSelectElement).value).toBe(
      'event:replied',
    );
  });

  it('shows the validator’s problems of a pasted rule beside the text', () => {
    const rule = { field: 'contact.nmae', op: 'eq', value: 1 };
    const { host } = editor(rule, problemsOf(rule));
    click(button(host, 'JSON'));
    const field = byLabel(host, 'Rule as JSON').closest('.field') as HTMLElement;
    expect(problemCodes(field)).toEqual(['invalid_value']);
    expect(field.textContent).toContain('"contact.nmae" is not a contact path');
  });

  it('edits a rule too large for the builder as text only', () => {
    const huge = { any: Array.from({ length: 300 }, () => ({ event: 'opened' })) };
    const { host } = editor(huge);
    expect(host.textContent).toContain('too large for the builder');
    expect(button(host, 'Builder').disabled).toBe(true);
    expect(byLabel<HTMLTextAreaElement>(host, 'Rule as JSON').value).toContain('"any"');
  });
});
