import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { allProblemCodes, expectAllNamed, expectFocusRing, problemCodes } from './expect-form.ts';
import { LogicFormFrame } from './LogicFormFrame.tsx';

/** A new condition, as the palette adds it: "a message was opened". */
const NEW_CONDITION = { rule: { event: 'opened' } };

/** Executives of paying accounts that have not churned. */
const EXECUTIVES = {
  rule: {
    all: [
      {
        any: [
          { field: 'contact.title', op: 'contains', value: 'CEO' },
          { field: 'contact.title', op: 'contains', value: '대표' },
        ],
      },
      { field: 'contact.attributes.plan', op: 'in', value: ['pro', 'enterprise'] },
      { not: { field: 'contact.tags', op: 'contains', value: 'churned' } },
      { field: 'contact.attributes.seats', op: 'gte', value: 10 },
      { event: 'clicked', node: 'welcome' },
    ],
  },
};

/** A hand-edited file: an operator rules don't have, a custom event with no name, a lost step. */
const BROKEN = {
  rule: {
    any: [
      { field: 'contact.title', op: 'startsWith', value: 'CEO' },
      { event: 'custom' },
      { event: 'opened', node: 'old-newsletter' },
    ],
  },
};

const meta = {
  title: 'Forms/Condition',
  component: LogicFormFrame,
  parameters: { layout: 'padded' },
  args: { type: 'condition', data: NEW_CONDITION, onChange: fn() },
} satisfies Meta<typeof LogicFormFrame>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The n-th part (from 1) of the rule's top group. */
function condition(root: HTMLElement, n: number): HTMLElement {
  const top = root.querySelector('.rule-group__items');
  const part = top?.querySelector(`:scope > li:nth-child(${n}) > fieldset`);
  if (!part) throw new Error(`the rule has no part ${n}`);
  return part as HTMLElement;
}

/**
 * A new condition: the event of a chosen message step, then a second test that joins the first
 * in an "all" group, built with the keyboard alone.
 */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    const what = form.getByRole('combobox', { name: 'Field or event' });
    await expect(what).toHaveValue('event:opened');
    const step = form.getByRole('combobox', { name: 'Of the message' });
    // Only the steps that send a message, by id and type.
    await expect([...(step as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'Any message of this sequence',
      'welcome (Email)',
      'reminder (SMS)',
    ]);
    await userEvent.selectOptions(step, 'welcome (Email)');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { rule: { event: 'opened', node: 'welcome' } },
      '/nodes/3/data/rule/node',
    );

    // Keyboard alone: Tab to "Not", then to "Add condition", Enter.
    await userEvent.tab();
    const not = form.getByRole('checkbox', { name: 'Not' });
    await expectFocusRing(not);
    await userEvent.tab();
    const add = form.getByRole('button', { name: '+ Add condition' });
    await expectFocusRing(add);
    await userEvent.keyboard('{Enter}');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      {
        rule: {
          all: [
            { event: 'opened', node: 'welcome' },
            { field: 'contact.name', op: 'eq', value: '' },
          ],
        },
      },
      expect.stringMatching(/^\/nodes\/3\/data\/rule#add-/),
    );
    const second = condition(canvasElement, 2);
    await userEvent.selectOptions(
      within(second).getByRole('combobox', { name: 'Field or event' }),
      'Job title',
    );
    await userEvent.selectOptions(
      within(second).getByRole('combobox', { name: 'Comparison' }),
      'contains',
    );
    await userEvent.type(within(second).getByRole('textbox', { name: 'Value' }), '대표');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      {
        rule: {
          all: [
            { event: 'opened', node: 'welcome' },
            { field: 'contact.title', op: 'contains', value: '대표' },
          ],
        },
      },
      '/nodes/3/data/rule/all/1/value',
    );
  },
};

/** A rule of groups, lists, a reversed test, a number and a step's event, shown whole. */
export const Filled: Story = {
  args: { data: EXECUTIVES },
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(allProblemCodes(canvasElement)).toEqual([]);
    const [top, inner] = form.getAllByRole('combobox', { name: 'True when' });
    await expect(top).toHaveValue('all');
    await expect(inner).toHaveValue('any');
    await expect(form.getAllByTestId('rule-test')).toHaveLength(6);
    const plan = condition(canvasElement, 2);
    await expect(within(plan).getByRole('textbox', { name: 'Attribute name' })).toHaveValue('plan');
    await expect(within(plan).getByRole('textbox', { name: 'Values, one per line' })).toHaveValue(
      'pro\nenterprise',
    );
    const churned = condition(canvasElement, 3);
    await expect(within(churned).getByRole('checkbox', { name: 'Not' })).toBeChecked();
    await expect(within(churned).getByRole('combobox', { name: 'Comparison' })).toHaveDisplayValue(
      'has the tag',
    );
    const seats = condition(canvasElement, 4);
    await expect(within(seats).getByRole('combobox', { name: 'Type of value' })).toHaveDisplayValue(
      'Number',
    );
    await expect(within(seats).getByRole('combobox', { name: 'Comparison' })).toHaveDisplayValue(
      'is at least',
    );
    // Clearing "Not" gives back the test itself.
    await userEvent.click(within(churned).getByRole('checkbox', { name: 'Not' }));
    const written = args.onChange.mock.lastCall?.[0] as typeof EXECUTIVES;
    await expect(written.rule.all[2]).toEqual({
      field: 'contact.tags',
      op: 'contains',
      value: 'churned',
    });
  },
};

/** The validator's problems, each beside its control; the JSON text mode shows them too. */
export const WithErrors: Story = {
  args: { data: BROKEN },
  play: async ({ canvasElement, args }) => {
    const form = within(canvasElement);
    const op = within(condition(canvasElement, 1)).getByRole('combobox', { name: 'Comparison' });
    await expect(op).toHaveDisplayValue('startsWith (not a comparison)');
    await expect(problemCodes(op)).toEqual(['invalid_value']);
    // A custom event without its name: the problem belongs to the whole condition.
    await expect(allProblemCodes(condition(canvasElement, 2))).toEqual(['missing_property']);
    const step = within(condition(canvasElement, 3)).getByRole('combobox', {
      name: 'Of the message',
    });
    await expect(step).toHaveDisplayValue('old-newsletter (not a message step here)');
    await expect(problemCodes(step)).toEqual(['unknown_node_ref']);

    await userEvent.selectOptions(op, 'contains');
    await waitFor(() => expect(problemCodes(op)).toEqual([]));
    await userEvent.type(
      within(condition(canvasElement, 2)).getByRole('textbox', { name: 'Event name' }),
      'demo_booked',
    );
    await waitFor(() => expect(allProblemCodes(condition(canvasElement, 2))).toEqual([]));

    // In the text mode: a paste that is no JSON says why and changes nothing.
    await userEvent.click(form.getByRole('button', { name: 'JSON' }));
    const text = form.getByRole('textbox', { name: 'Rule as JSON' });
    await expect(problemCodes(text)).toEqual(['unknown_node_ref']);
    const calls = args.onChange.mock.calls.length;
    await userEvent.clear(text);
    await userEvent.paste('{"any": [{"event": "replied"},]}');
    await expect(form.getByTestId('rule-text-note')).toHaveTextContent(
      'Not valid JSON: line 1, column 31: unexpected "]"',
    );
    await expect(args.onChange.mock.calls.length).toBe(calls);
    await userEvent.clear(text);
    await userEvent.paste('{"any": [{"event": "replied"}, {"event": "bounced"}]}');
    await expect(args.onChange).toHaveBeenLastCalledWith(
      { rule: { any: [{ event: 'replied' }, { event: 'bounced' }] } },
      '/nodes/3/data/rule#text',
    );
    await waitFor(() => expect(problemCodes(text)).toEqual([]));
    await userEvent.click(form.getByRole('button', { name: 'Builder' }));
    await expect(form.getAllByTestId('rule-test')).toHaveLength(2);
  },
};

/** In Korean: the builder's words, and a problem's title beside its control. */
export const Korean: Story = {
  globals: { locale: 'ko' },
  args: { data: BROKEN },
  play: async ({ canvasElement }) => {
    const form = within(canvasElement);
    await expectAllNamed(canvasElement);
    await expect(form.getByRole('group', { name: '“예”로 가는 조건' })).toBeVisible();
    await expect(form.getByRole('combobox', { name: '참이 되는 경우' })).toHaveDisplayValue(
      '아래 조건 중 하나 이상 충족',
    );
    const first = form.getAllByRole('group', { name: '조건 1' })[0] as HTMLElement;
    const op = within(first).getByRole('combobox', { name: '비교' });
    await expect(op).toHaveAccessibleDescription(/허용되지 않는 값/);
    await expect([...(op as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      '같음',
      '같지 않음',
      '포함',
      '다음 중 하나',
      '값이 있음',
      'startsWith (비교 방식 아님)',
    ]);
    await expect(form.getAllByRole('combobox', { name: '필드 또는 이벤트' })).toHaveLength(3);
    await expect(form.getByRole('button', { name: '조건 2 삭제' })).toHaveTextContent('삭제');
    await expect(form.getByRole('button', { name: '+ 조건 추가' })).toBeVisible();
  },
};
